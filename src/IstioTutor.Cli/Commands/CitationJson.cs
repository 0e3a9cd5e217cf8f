namespace IstioTutor.Cli.Commands;

/// <summary>A citation as <c>ask --json</c> prints it.</summary>
internal sealed record CitationJson(string LessonId, string Title, string Stage, string Section, string Lang);
