using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Knowledge;

/// <summary>
/// One <c>##</c> section of a lesson: the unit of retrieval and the target of a citation.
/// <see cref="Markdown"/> keeps the author's formatting (lists, inline code) for display;
/// <see cref="Prose"/> is the same text without code blocks, for indexing and key points.
/// </summary>
public sealed record LessonSection
{
    public required string LessonId { get; init; }
    public required string LessonTitle { get; init; }
    public required Stage Stage { get; init; }
    public required string Lang { get; init; }
    /// <summary>The <c>##</c> heading text.</summary>
    public required string Heading { get; init; }
    /// <summary>"Title > Section" plus any <c>###</c> sub-headings inside, for display and the index.</summary>
    public required string HeadingPath { get; init; }
    public required string Markdown { get; init; }
    public required string Prose { get; init; }
    public IReadOnlyList<CodeBlock> CodeBlocks { get; init; } = [];
    public SectionKind Kind { get; init; } = SectionKind.Teaching;
    /// <summary>1-based line of the heading in the source file.</summary>
    public int Line { get; init; }
}
