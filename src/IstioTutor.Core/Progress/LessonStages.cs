using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress;

/// <summary>
/// Which stage each lesson belongs to, as its front matter says in the loaded curriculum, so a quiz counts
/// toward its lesson's stage. The curriculum is read on the first question, not when the database opens.
/// </summary>
public sealed class LessonStages
{
    private readonly Lazy<Dictionary<string, Stage>> _byLesson;

    public LessonStages(Func<Knowledge.Curriculum> curriculum)
    {
        ArgumentNullException.ThrowIfNull(curriculum);
        _byLesson = new(() =>
        {
            var byLesson = new Dictionary<string, Stage>(StringComparer.OrdinalIgnoreCase);
            foreach (var lesson in curriculum().Lessons)
            {
                byLesson.TryAdd(lesson.Id, lesson.Stage);
            }

            return byLesson;
        });
    }

    public LessonStages(Knowledge.Curriculum curriculum)
        : this(() => curriculum)
    {
        ArgumentNullException.ThrowIfNull(curriculum);
    }

    /// <summary>The stages of the lessons built into IstioTutor.Core, for tools that open the database without the tutor's services.</summary>
    public static LessonStages BuiltIn() => new(() => Knowledge.Curriculum.Load(LessonSource.Embedded()));

    public Stage? Of(string lessonId) => _byLesson.Value.TryGetValue(lessonId, out var stage) ? stage : null;
}
