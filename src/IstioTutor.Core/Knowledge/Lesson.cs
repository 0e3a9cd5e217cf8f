using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Knowledge;

/// <summary>One lesson in one language, parsed from its Markdown file.</summary>
public sealed record Lesson
{
    public required string Id { get; init; }
    public required Stage Stage { get; init; }
    /// <summary>"en" or "ko".</summary>
    public required string Lang { get; init; }
    /// <summary>Position within the stage; lessons without one sort last, by id.</summary>
    public int Order { get; init; } = int.MaxValue;
    public required string Title { get; init; }
    /// <summary>Where the lesson came from ("knowledge/en/beginner/x.md" or a file path), for error reports.</summary>
    public required string Source { get; init; }
    public IReadOnlyList<string> Objectives { get; init; } = [];
    public IReadOnlyList<string> Prerequisites { get; init; } = [];
    public IReadOnlyList<string> Labs { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>
    /// Questions as learners put them that this lesson answers (and its sibling lessons do not). Written by
    /// the lesson's author, never copied from an evaluation set; retrieval matches a question against them.
    /// </summary>
    public IReadOnlyList<string> Asks { get; init; } = [];
    /// <summary>The paragraphs between the title and the first section.</summary>
    public string Introduction { get; init; } = "";
    /// <summary>The teaching sections in file order (the common-mistakes section included; the quiz not).</summary>
    public IReadOnlyList<LessonSection> Sections { get; init; } = [];
    public IReadOnlyList<QuizQuestion> Quiz { get; init; } = [];
}
