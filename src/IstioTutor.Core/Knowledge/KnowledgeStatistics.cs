using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Knowledge;

/// <summary>What the <c>index</c> command prints: counts per stage and language, and how long the build took.</summary>
public sealed record KnowledgeStatistics(
    IReadOnlyDictionary<(Stage Stage, string Lang), int> LessonsByStageAndLang,
    int Lessons,
    int Sections,
    int QuizQuestions,
    int CodeBlocks,
    int Problems,
    TimeSpan BuildTime);
