using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Progress;

public sealed class LessonStagesTests
{
    [Fact]
    public void A_lessons_stage_is_its_front_matter_not_its_folder()
    {
        // An author's folder need not be laid out by stage; the front matter alone decides.
        var file = LessonSource.Embedded().Single(f => f.Source == "knowledge/en/beginner/architecture.md");
        var drafted = new LessonFile("drafts/en/next-release/architecture.md", file.Text.Replace("stage: beginner", "stage: advanced", StringComparison.Ordinal));

        var stages = new LessonStages(Core.Knowledge.Curriculum.Load([drafted]));

        Assert.Equal(Stage.Advanced, stages.Of("architecture"));
    }

    [Fact]
    public void The_built_in_curriculum_gives_every_lesson_its_stage_and_none_to_an_unknown_id()
    {
        var stages = LessonStages.BuiltIn();

        Assert.Equal(Stage.Beginner, stages.Of("architecture"));
        Assert.Equal(Stage.Intermediate, stages.Of("Circuit-Breaking"));
        Assert.Equal(Stage.Advanced, stages.Of("ambient-mode"));
        Assert.Null(stages.Of("no-such-lesson"));
    }

    [Fact]
    public void The_curriculum_is_not_read_until_a_stage_is_asked_for()
    {
        var reads = 0;
        var stages = new LessonStages(() =>
        {
            reads++;
            return Core.Knowledge.Curriculum.Load(LessonSource.Embedded());
        });
        Assert.Equal(0, reads);

        stages.Of("architecture");
        stages.Of("ambient-mode");

        Assert.Equal(1, reads);
    }
}
