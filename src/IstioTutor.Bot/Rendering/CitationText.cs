using IstioTutor.Core.Turns;

namespace IstioTutor.Bot.Rendering;

/// <summary>How a citation reads in every door: "Title § Section (stage, lang)".</summary>
internal static class CitationText
{
    public static string Format(Citation c) => $"{c.Title} § {c.Section} ({c.Stage.ToName()}, {c.Lang}) [{c.LessonId}]";

    public static string Heading(string lang) => lang == "ko" ? "출처" : "Sources";
}
