using System.Text.RegularExpressions;

namespace IstioTutor.Llm.Tests;

/// <summary>Reads the citation ids the tutor put in front of the model.</summary>
public static partial class References
{
    public static IReadOnlyList<string> Ids(string prompt) =>
        IdAttribute().Matches(prompt).Select(m => m.Groups[1].Value).ToArray();

    [GeneratedRegex("<reference id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
