using System.Reflection;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress;

/// <summary>
/// Which stage each lesson belongs to, read from the embedded curriculum's resource names
/// (<c>knowledge/&lt;lang&gt;/&lt;stage&gt;/&lt;lesson-id&gt;.md</c>), so a quiz counts toward its lesson's stage.
/// </summary>
public sealed class LessonStages
{
    private readonly Dictionary<string, Stage> _byLesson;

    public LessonStages()
        : this(typeof(LessonStages).Assembly)
    {
    }

    internal LessonStages(Assembly assembly)
    {
        _byLesson = new Dictionary<string, Stage>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var parts = name.Split('/');
            if (parts is ["knowledge", _, var stage, var file] && file.EndsWith(".md", StringComparison.Ordinal) &&
                StageNames.TryParse(stage, out var parsed))
            {
                _byLesson.TryAdd(file[..^3], parsed);
            }
        }
    }

    public Stage? Of(string lessonId) => _byLesson.TryGetValue(lessonId, out var stage) ? stage : null;
}
