using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.Tests.Progress;

/// <summary>The progress, cohort, link and role commands through the real pipeline and a real LiteDB file.</summary>
public sealed class ProgressCommandsTests : IDisposable
{
    private readonly ProgressHost _host = new(s =>
    {
        s.AddSingleton<ITurnCommand, QuizRecordingCommand>();
        s.AddSingleton<ITurnCommand, LabRecordingCommand>();
    });

    public void Dispose() => _host.Dispose();

    private async Task<string> CreateCohortAsync(string name)
    {
        var created = await _host.SayAsync("mentor", $"/cohort create {name}");
        return _host.Get<ICohortStore>().Find(name)?.JoinCode ?? throw new InvalidOperationException(created.Text);
    }

    [Theory]
    [InlineData(Door.Terminal)]
    [InlineData(Door.Web)]
    [InlineData(Door.Teams)]
    [InlineData(Door.Slack)]
    public async Task A_learner_cannot_read_another_learners_progress_through_any_door(Door door)
    {
        var victim = _host.Learners.Resolve(Door.Terminal, "victim", "Victim");
        _host.Log.Record(_host.Event(victim.Id, ProgressEventKind.LessonFinished, "secret-lesson"));

        var reply = await _host.SayAsync("snoop", $"/progress @{victim.Id}", door);

        Assert.Contains("Only mentors", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-lesson", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_cannot_run_a_cohort_report_even_as_a_member()
    {
        var code = await CreateCohortAsync("team-a");
        await _host.SayAsync("ann", $"/cohort join {code}");

        var reply = await _host.SayAsync("ann", "/cohort report team-a");

        Assert.Contains("Only the cohort's mentors", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_reads_the_progress_of_a_member_of_their_cohort()
    {
        var code = await CreateCohortAsync("team-b");
        await _host.SayAsync("ben", $"/cohort join {code}");
        await _host.SayAsync("ben", "/testquiz architecture 0.9");

        var reply = await _host.SayAsync("mentor", "/progress @ben");

        Assert.Contains("quiz avg 90%", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_cannot_read_a_learner_outside_their_cohorts()
    {
        await _host.SayAsync("outsider", "hello");

        var reply = await _host.SayAsync("mentor", "/progress @outsider");

        Assert.Contains("No learner '@outsider' in the cohorts you mentor", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_sees_their_own_progress_and_what_to_do_next()
    {
        await _host.SayAsync("cho", "/testquiz architecture 0.5");

        var reply = await _host.SayAsync("cho", "/progress");

        Assert.Equal(Stage.Beginner, reply.Stage);
        Assert.StartsWith("Stage: beginner\n", reply.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Quiz scores (1): architecture 50%", reply.Text, StringComparison.Ordinal);
        Assert.Contains("complete 1 more beginner quiz", reply.Text, StringComparison.Ordinal);
        Assert.Contains("raise your quiz average from 50% to 70%", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_names_the_next_unfinished_lesson_and_core_lab_of_the_stage()
    {
        var reply = await _host.SayAsync("kim", "/progress");

        Assert.Contains("lesson service-mesh-intro", reply.Text, StringComparison.Ordinal);
        Assert.Contains("core lab bookinfo-gateway (/lab bookinfo-gateway)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("pass the labs: bookinfo-gateway", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_moves_on_to_the_next_core_lab_once_one_is_passed()
    {
        await _host.SayAsync("lee", "/stage intermediate");
        await _host.SayAsync("lee", "/testlab request-routing passed");

        var reply = await _host.SayAsync("lee", "/progress");

        Assert.Contains("core lab traffic-shifting", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("core lab request-routing", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quizzes_alone_do_not_promote_while_a_core_lab_of_the_stage_is_unpassed()
    {
        await _host.SayAsync("ida", "/testquiz architecture 0.9");

        var reply = await _host.SayAsync("ida", "/testquiz service-mesh-intro 0.9");

        Assert.DoesNotContain("moved up", reply.Text, StringComparison.Ordinal);
        Assert.Equal(Stage.Beginner, _host.Learners.FindByHandle("ida")!.Stage);
    }

    [Fact]
    public async Task A_failed_check_of_the_core_lab_does_not_count_toward_promotion()
    {
        await _host.SayAsync("jon", "/testquiz architecture 0.9");
        await _host.SayAsync("jon", "/testquiz service-mesh-intro 0.9");

        var reply = await _host.SayAsync("jon", "/testlab bookinfo-gateway failed");

        Assert.DoesNotContain("moved up", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meeting_the_stage_rule_is_announced_in_the_reply_that_caused_it()
    {
        await _host.SayAsync("dan", "/testlab bookinfo-gateway passed");
        await _host.SayAsync("dan", "/testquiz architecture 0.8");

        var reply = await _host.SayAsync("dan", "/testquiz service-mesh-intro 0.9");

        Assert.Contains("moved up to intermediate", reply.Text, StringComparison.Ordinal);
        Assert.Equal(Stage.Intermediate, reply.Stage);
        Assert.Equal(Stage.Intermediate, _host.Learners.FindByHandle("dan")!.Stage);
        Assert.Contains(_host.Log.ForLearner("dan"), e => e.Kind == ProgressEventKind.StageChanged && e.Subject == "intermediate");
    }

    [Fact]
    public async Task A_learner_who_chose_an_earlier_stage_is_not_promoted_by_a_turn_without_progress()
    {
        await _host.SayAsync("eve", "/testlab bookinfo-gateway passed");
        await _host.SayAsync("eve", "/testquiz architecture 0.8");
        await _host.SayAsync("eve", "/testquiz service-mesh-intro 0.9");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await _host.SayAsync("eve", "/stage beginner");

        var reply = await _host.SayAsync("eve", "/progress");

        Assert.Equal(Stage.Beginner, reply.Stage);
    }

    [Fact]
    public async Task A_link_code_makes_a_second_door_the_same_learner_with_merged_progress()
    {
        var issued = await _host.SayAsync("fay", "/link", Door.Terminal);
        var code = issued.Text.Split(' ')[4];
        await _host.SayAsync("U-FAY", "/testquiz architecture 1", Door.Slack);

        var linked = await _host.SayAsync("U-FAY", $"/link {code}", Door.Slack);

        Assert.Contains("Linked", linked.Text, StringComparison.Ordinal);
        var fay = _host.Learners.Resolve(Door.Slack, "U-FAY", null);
        Assert.Equal("fay", fay.Id);
        Assert.True(_host.Summaries.Get("fay")!.QuizScores.ContainsKey("architecture"));
    }

    [Fact]
    public async Task A_link_code_works_only_once()
    {
        var issued = await _host.SayAsync("gus", "/link");
        var code = issued.Text.Split(' ')[4];
        await _host.SayAsync("gus-web", $"/link {code}", Door.Web);

        var again = await _host.SayAsync("gus-teams", $"/link {code}", Door.Teams);

        Assert.Contains("unknown or already used", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_code_is_refused()
    {
        var issued = await _host.SayAsync("hal", "/link");
        var code = issued.Text.Split(' ')[4];
        _host.Clock.Advance(TimeSpan.FromHours(1));

        var reply = await _host.SayAsync("hal-web", $"/link {code}", Door.Web);

        Assert.Contains("expired", reply.Text, StringComparison.Ordinal);
        Assert.NotEqual("hal", _host.Learners.Resolve(Door.Web, "hal-web", null).Id);
    }

    [Fact]
    public async Task A_wrong_join_code_gets_a_specific_error_in_korean_when_the_learner_writes_korean()
    {
        var reply = await _host.SayAsync("ina", "/cohort join 없는코드");

        Assert.Contains("참여 코드 없는코드에 해당하는 코호트가 없습니다", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_cannot_create_a_cohort()
    {
        var reply = await _host.SayAsync("jay", "/cohort create mine");

        Assert.Contains("Only mentors can create cohorts", reply.Text, StringComparison.Ordinal);
        Assert.Null(_host.Get<ICohortStore>().Find("mine"));
    }

    [Fact]
    public async Task An_assignment_with_a_malformed_date_is_refused_and_changes_nothing()
    {
        await CreateCohortAsync("team-c");

        var reply = await _host.SayAsync("mentor", "/cohort assign team-c intermediate 31-12-2025");

        Assert.Contains("'31-12-2025' is not a date", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_host.Get<ICohortStore>().Find("team-c")!.Assignments);
    }

    [Fact]
    public async Task The_cohort_report_flags_repeated_lab_failures_and_idle_learners()
    {
        var code = await CreateCohortAsync("team-d");
        await _host.SayAsync("kim", $"/cohort join {code}");
        await _host.SayAsync("lee", $"/cohort join {code}");
        for (var i = 0; i < 3; i++)
        {
            _host.Log.Record(_host.Event("kim", ProgressEventKind.LabChecked, "canary", passed: false));
        }

        _host.Clock.Advance(TimeSpan.FromDays(8));
        _host.Log.Record(_host.Event("kim", ProgressEventKind.LessonFinished, "architecture"));

        var reply = await _host.SayAsync("mentor", "/cohort report team-d");

        Assert.Contains("lab canary failed 3 times in a row", reply.Text, StringComparison.Ordinal);
        Assert.Contains("no progress for 8 days", reply.Text, StringComparison.Ordinal);
        Assert.Contains("2 learners, 2 stuck", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_grants_roles()
    {
        await _host.SayAsync("mia", "hello");
        var refused = await _host.SayAsync("mentor", "/role @mia mentor");
        var granted = await _host.SayAsync("root", "/role @mia mentor");

        Assert.Contains("Only admins", refused.Text, StringComparison.Ordinal);
        Assert.Contains("mia is now mentor", granted.Text, StringComparison.Ordinal);
        Assert.Equal(LearnerRole.Mentor, _host.Learners.Find("mia")!.Role);
    }

    [Fact]
    public async Task Cohort_members_show_names_without_terminal_control_sequences()
    {
        var code = await CreateCohortAsync("team-ansi");
        _host.Learners.Resolve(Door.Terminal, "eve", "\u001b[2J\u001b[31mEve\u001b]0;owned\u0007");
        await _host.SayAsync("eve", $"/cohort join {code}");

        var reply = await _host.SayAsync("mentor", "/cohort members team-ansi");

        Assert.Contains("eve (", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', reply.Text);
        Assert.DoesNotContain('\u0007', reply.Text);
    }
}
