using System.Text.RegularExpressions;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Replaces the learner's identifying names (their id, namespace and sandbox object names) with neutral
/// tokens ("name-1", …) before text leaves for the model, and maps the tokens back in what returns
/// (the reply, tool-call arguments). One masker serves one turn; a disabled one passes text through.
/// </summary>
public sealed class NameMasker
{
    private const string TokenPrefix = "name-";

    private readonly Dictionary<string, string> _toToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _toName = new(StringComparer.Ordinal);
    private Regex? _names;
    private Regex? _tokens;

    private NameMasker(bool enabled) => Enabled = enabled;

    public bool Enabled { get; }

    public static NameMasker Disabled() => new(false);

    /// <summary>A masker for <paramref name="names"/>; names shorter than 3 characters are left as they are.</summary>
    public static NameMasker For(IEnumerable<string> names)
    {
        var masker = new NameMasker(true);
        masker.Add(names);
        return masker;
    }

    /// <summary>Adds names learned during the turn (e.g. from a tool result) before that result is masked.</summary>
    public void Add(IEnumerable<string> names)
    {
        if (!Enabled)
        {
            return;
        }

        foreach (var name in names.Where(n => n.Length >= 3).Distinct(StringComparer.Ordinal))
        {
            if (_toToken.ContainsKey(name) || name.StartsWith(TokenPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var token = TokenPrefix + (_toToken.Count + 1);
            _toToken[name] = token;
            _toName[token] = name;
        }

        // Longest first, so "reviews-v2" is not masked as "<reviews>-v2".
        _names = _toToken.Count == 0 ? null : new Regex(
            @"(?<![A-Za-z0-9\-])(?:" + string.Join("|", _toToken.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![A-Za-z0-9\-])",
            RegexOptions.CultureInvariant);
        _tokens = _toToken.Count == 0 ? null : new Regex(@"(?<![A-Za-z0-9\-])" + TokenPrefix + @"\d+(?![A-Za-z0-9\-])", RegexOptions.CultureInvariant);
    }

    public string Mask(string text) =>
        _names is null ? text : _names.Replace(text, m => _toToken[m.Value]);

    public string Unmask(string text) =>
        _tokens is null ? text : _tokens.Replace(text, m => _toName.TryGetValue(m.Value, out var name) ? name : m.Value);
}
