namespace IstioTutor.Bot.Rendering;

/// <summary>
/// One block of the tutor's Markdown as the channel builders see it. Inline markup (<c>**bold**</c>,
/// <c>`code`</c>, links) stays in the text; each builder renders it in its client's own way.
/// </summary>
internal abstract record MarkdownBlock;

/// <summary>A heading (<c>#</c>…<c>######</c>).</summary>
internal sealed record MarkdownHeading(int Level, string Text) : MarkdownBlock;

/// <summary>A paragraph whose wrapped source lines are joined; <see cref="Lines"/> keeps deliberate line breaks.</summary>
internal sealed record MarkdownParagraph(IReadOnlyList<string> Lines) : MarkdownBlock;

/// <summary>A list; each item keeps its marker ("•", "3.", or a status mark such as "✔").</summary>
internal sealed record MarkdownList(IReadOnlyList<MarkdownListItem> Items) : MarkdownBlock;

/// <summary>One list item: its marker and its text with wrapped lines joined.</summary>
internal sealed record MarkdownListItem(string Marker, string Text, int Depth = 0);

/// <summary>A fenced code block, verbatim (indentation and blank lines kept).</summary>
internal sealed record MarkdownCode(string? Language, string Code) : MarkdownBlock;

/// <summary>A pipe table: header cells and rows of cells (rows padded or cut to the header's width).</summary>
internal sealed record MarkdownTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : MarkdownBlock;
