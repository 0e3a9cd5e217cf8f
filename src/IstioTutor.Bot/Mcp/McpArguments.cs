using ModelContextProtocol;

namespace IstioTutor.Bot.Mcp;

/// <summary>
/// Checks tool arguments before they become a chat command, so an argument can never smuggle a second
/// word, option or command into the turn ("lab-id /confirm x").
/// </summary>
public static class McpArguments
{
    private const int MaxWord = 200;

    /// <summary>One word: no spaces, no leading slash or dash, at most 200 characters.</summary>
    public static string Word(string? value, string name)
    {
        var word = value?.Trim() ?? "";
        if (word.Length is 0 or > MaxWord || word.Any(char.IsWhiteSpace) || word[0] is '/' or '-')
        {
            throw new McpException($"Not done: {name} must be one word of 1 to {MaxWord} characters without spaces (got '{Shorten(word)}').");
        }

        return word;
    }

    public static string? OptionalWord(string? value, string name) => string.IsNullOrWhiteSpace(value) ? null : Word(value, name);

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
