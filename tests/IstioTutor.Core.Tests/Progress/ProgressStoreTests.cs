using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Progress;

public sealed class ProgressStoreTests : IDisposable
{
    private readonly ProgressHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Recorded_events_are_folded_into_the_learners_summary()
    {
        var alice = _host.Learners.Resolve(Door.Terminal, "alice", "Alice");
        _host.Log.Record(_host.Event(alice.Id, ProgressEventKind.LessonFinished, "architecture"));
        _host.Log.Record(_host.Event(alice.Id, ProgressEventKind.QuizCompleted, "architecture", score: 0.8));
        _host.Log.Record(_host.Event(alice.Id, ProgressEventKind.LabChecked, "sidecar", passed: true));
        _host.Log.Record(_host.Event(alice.Id, ProgressEventKind.QuestionAsked, "what is mTLS?", passed: false));

        var p = _host.Summaries.Get(alice.Id)!;
        Assert.Equal(["architecture"], p.LessonsFinished);
        Assert.Equal(0.8, p.QuizAverage);
        Assert.True(p.LabsPassed.ContainsKey("sidecar"));
        Assert.Equal(1, p.QuestionsAsked);
        Assert.Equal(1, p.RecentUngrounded);
    }

    [Fact]
    public void A_quiz_counts_toward_its_lessons_stage_not_the_learners()
    {
        var bob = _host.Learners.Resolve(Door.Terminal, "bob", null);
        _host.Learners.Save(bob with { Stage = Stage.Advanced });
        _host.Log.Record(_host.Event(bob.Id, ProgressEventKind.QuizCompleted, "virtualservice-basics", score: 1));

        Assert.Equal(Stage.Intermediate, _host.Summaries.Get(bob.Id)!.QuizScores["virtualservice-basics"].Stage);
    }

    [Fact]
    public void Consecutive_failures_of_one_lab_are_counted_until_it_passes()
    {
        var carol = _host.Learners.Resolve(Door.Terminal, "carol", null);
        for (var i = 0; i < 3; i++)
        {
            _host.Log.Record(_host.Event(carol.Id, ProgressEventKind.LabChecked, "canary", passed: false));
        }

        Assert.Equal(("canary", 3), (_host.Summaries.Get(carol.Id)!.FailingLab, _host.Summaries.Get(carol.Id)!.FailingLabCount));
        _host.Log.Record(_host.Event(carol.Id, ProgressEventKind.LabChecked, "canary", passed: true));
        Assert.Null(_host.Summaries.Get(carol.Id)!.FailingLab);
    }

    [Fact]
    public void Questions_beyond_the_bound_are_dropped_from_storage_but_still_counted()
    {
        var dave = _host.Learners.Resolve(Door.Terminal, "dave", null);
        var max = new ProgressOptions().MaxQuestionsKept;
        _host.Log.RecordMany(Enumerable.Range(0, max + 50).Select(i => _host.Event(dave.Id, ProgressEventKind.QuestionAsked, $"q{i}", passed: true)));
        _host.Log.Record(_host.Event(dave.Id, ProgressEventKind.LessonOpened, "architecture"));

        var stored = _host.Log.ForLearner(dave.Id, limit: 10_000);
        Assert.Equal(max, stored.Count(e => e.Kind == ProgressEventKind.QuestionAsked));
        Assert.DoesNotContain(stored, e => e.Subject == "q0");
        Assert.Equal(max + 50, _host.Summaries.Get(dave.Id)!.QuestionsAsked);
    }

    [Fact]
    public void Identities_differing_only_in_case_stay_different_learners()
    {
        var lower = _host.Learners.Resolve(Door.Slack, "u1abc", null);
        var upper = _host.Learners.Resolve(Door.Slack, "U1ABC", null);
        Assert.NotEqual(lower.Id, upper.Id);
    }

    [Fact]
    public void Saving_an_older_copy_of_a_learner_keeps_a_role_granted_meanwhile()
    {
        var erin = _host.Learners.Resolve(Door.Terminal, "erin", null);
        _host.Learners.SetRole(erin.Id, LearnerRole.Mentor);
        _host.Learners.Save(erin with { Lang = "ko" });

        var stored = _host.Learners.Find(erin.Id)!;
        Assert.Equal((LearnerRole.Mentor, "ko"), (stored.Role, stored.Lang));
    }

    [Fact]
    public void A_learner_is_found_by_id_door_identity_or_unique_display_name()
    {
        var frank = _host.Learners.Resolve(Door.Slack, "U777", "Frank Kim");
        Assert.Equal(frank.Id, _host.Learners.FindByHandle("@" + frank.Id)!.Id);
        Assert.Equal(frank.Id, _host.Learners.FindByHandle("slack:U777")!.Id);
        Assert.Equal(frank.Id, _host.Learners.FindByHandle("Frank Kim")!.Id);
    }

    [Fact]
    public void Events_and_summaries_are_there_after_reopening_the_file()
    {
        string id;
        var path = _host.DataPath;
        using (var first = new ProgressHost(dataDirectory: Path.Combine(path, "reopen")))
        {
            id = first.Learners.Resolve(Door.Web, "cookie-1", "Gil").Id;
            first.Log.Record(first.Event(id, ProgressEventKind.LessonFinished, "architecture"));
        }

        using var second = new ProgressHost(dataDirectory: Path.Combine(path, "reopen"));
        Assert.Single(second.Log.ForLearner(id));
        Assert.Equal(["architecture"], second.Summaries.Get(id)!.LessonsFinished);
    }

    [Fact]
    public void Events_come_back_newest_first()
    {
        var hana = _host.Learners.Resolve(Door.Terminal, "hana", null);
        _host.Log.Record(_host.Event(hana.Id, ProgressEventKind.LessonOpened, "first"));
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        _host.Log.Record(_host.Event(hana.Id, ProgressEventKind.LessonOpened, "second"));

        Assert.Equal(["second", "first"], _host.Log.ForLearner(hana.Id).Select(e => e.Subject));
    }
}
