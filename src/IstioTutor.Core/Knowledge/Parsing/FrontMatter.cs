using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Knowledge.Parsing;

/// <summary>A lesson's validated front matter, with the lines of the keys later checks point at.</summary>
internal sealed record FrontMatter(
    string Id,
    Stage Stage,
    string Lang,
    int Order,
    string Title,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<string> Prerequisites,
    IReadOnlyList<string> Labs,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Asks,
    int IdLine,
    int StageLine,
    int LangLine);
