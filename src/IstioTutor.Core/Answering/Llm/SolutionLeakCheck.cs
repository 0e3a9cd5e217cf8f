namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Whether a model-written hint gives a lab's reference solution away: it does when it contains any run of
/// <see cref="Window"/> consecutive lines of a reference manifest document (or the whole of a shorter
/// document), compared line by line with surrounding whitespace, blank lines, code fences and document
/// separators ignored. A short fragment ("a VirtualService needs gateways:") stays allowed; a copied
/// manifest does not, whatever the prompt said.
/// </summary>
public static class SolutionLeakCheck
{
    /// <summary>Six lines is more than a field with its parent and value, less than any whole resource.</summary>
    public const int Window = 6;

    public static bool Reveals(string text, IEnumerable<string> referenceManifests)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(referenceManifests);
        var said = Lines(text);
        if (said.Count == 0)
        {
            return false;
        }

        var joined = "\n" + string.Join("\n", said) + "\n";
        foreach (var document in referenceManifests.SelectMany(m => m.Split("\n---", StringSplitOptions.RemoveEmptyEntries)))
        {
            var reference = Lines(document);
            var window = Math.Min(Window, reference.Count);
            for (var start = 0; window > 0 && start + window <= reference.Count; start++)
            {
                var run = "\n" + string.Join("\n", reference.Skip(start).Take(window)) + "\n";
                if (joined.Contains(run, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<string> Lines(string text) =>
        text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l != "---" && !l.StartsWith("```", StringComparison.Ordinal))
            .ToList();
}
