using IstioTutor.Core.Knowledge.Parsing;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Knowledge;

/// <summary>The loaded lessons of both languages, in learning order, and the problems found loading them.</summary>
public sealed class Curriculum
{
    private readonly Dictionary<(string Id, string Lang), Lesson> _byKey;

    public Curriculum(IEnumerable<Lesson> lessons, IReadOnlyList<LessonProblem> problems)
    {
        Lessons = lessons.OrderBy(l => l.Stage).ThenBy(l => l.Order).ThenBy(l => l.Id, StringComparer.Ordinal).ThenBy(l => l.Lang, StringComparer.Ordinal).ToArray();
        _byKey = Lessons.ToDictionary(l => (l.Id, l.Lang));
        Problems = problems;
        Sections = Lessons.SelectMany(l => l.Sections).ToArray();
    }

    public IReadOnlyList<Lesson> Lessons { get; }

    /// <summary>
    /// Parses lesson files: a file that fails to parse, or reuses a lesson id in its language, is reported
    /// in <see cref="Problems"/> and left out; the rest load.
    /// </summary>
    public static Curriculum Load(IReadOnlyList<LessonFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var parser = new LessonParser();
        var lessons = new List<Lesson>();
        var problems = new List<LessonProblem>();
        var seen = new Dictionary<(string, string), string>();
        foreach (var file in files)
        {
            var result = parser.Parse(file);
            problems.AddRange(result.Problems);
            if (result.Lesson is not { } lesson)
            {
                continue;
            }

            if (seen.TryGetValue((lesson.Id, lesson.Lang), out var first))
            {
                problems.Add(new LessonProblem(file.Source, 1, $"lesson id '{lesson.Id}' ({lesson.Lang}) is already used by {first}; this file was skipped"));
                continue;
            }

            seen[(lesson.Id, lesson.Lang)] = file.Source;
            lessons.Add(lesson);
        }

        return new Curriculum(lessons, problems);
    }

    public IReadOnlyList<LessonSection> Sections { get; }

    public IReadOnlyList<LessonProblem> Problems { get; }

    /// <summary>The lesson in <paramref name="lang"/>, else in the other language, else null.</summary>
    public Lesson? Find(string id, string lang)
    {
        var key = id.Trim().ToLowerInvariant();
        return _byKey.GetValueOrDefault((key, lang)) ?? _byKey.GetValueOrDefault((key, lang == "ko" ? "en" : "ko"));
    }

    public Lesson? FindExact(string id, string lang) => _byKey.GetValueOrDefault((id, lang));

    /// <summary>One lesson per id in learning order, each in <paramref name="lang"/> when it exists in it.</summary>
    public IReadOnlyList<Lesson> InOrder(string lang) =>
        Lessons.Select(l => l.Id).Distinct(StringComparer.Ordinal)
            .Select(id => Find(id, lang)!)
            .OrderBy(l => l.Stage).ThenBy(l => l.Order).ThenBy(l => l.Id, StringComparer.Ordinal)
            .ToArray();

    public IReadOnlyList<Lesson> InStage(Stage stage, string lang) => InOrder(lang).Where(l => l.Stage == stage).ToArray();
}
