using System.Text.Json;

namespace IstioTutor.Cli.Tests.Progress;

public sealed class ProgressCliTests(ProgressCliFixture data) : IClassFixture<ProgressCliFixture>
{
    [Fact]
    public async Task Csv_for_a_cohort_has_a_header_and_one_row_per_member()
    {
        var (code, stdout, _) = await data.RunAsync("progress", "--cohort", "team", "--csv");

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(0, code);
        Assert.Equal(["learner_id", "amy", "ben"], lines.Select(l => l.Split(',')[0]));
        Assert.Contains(lines, l => l.StartsWith("amy,amy,beginner,0,1,0.75,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_for_one_learner_is_one_object_with_that_learner()
    {
        var (code, stdout, _) = await data.RunAsync("progress", "--learner", "amy", "--json");

        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, code);
        Assert.Equal("amy", json.RootElement.GetProperty("learners")[0].GetProperty("learnerId").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("learners").GetArrayLength());
    }

    [Fact]
    public async Task Json_writes_stages_as_names_like_the_csv()
    {
        var (code, stdout, _) = await data.RunAsync("progress", "--cohort", "team", "--json");

        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, code);
        Assert.Equal("beginner", json.RootElement.GetProperty("learners")[0].GetProperty("stage").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("stageDistribution").GetProperty("beginner").GetInt32());
    }

    [Fact]
    public async Task One_learners_report_lists_which_quizzes_and_labs_not_only_counts()
    {
        var (code, stdout, _) = await data.RunAsync("progress", "--learner", "amy");

        Assert.Equal(0, code);
        Assert.Contains("quizzes:          architecture 75%", stdout, StringComparison.Ordinal);
        Assert.Contains("labs passed:      mtls-strict (", stdout, StringComparison.Ordinal);
        Assert.Contains("lessons finished: none", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_learners_json_carries_their_quizzes_and_labs_by_name()
    {
        var (code, stdout, _) = await data.RunAsync("progress", "--learner", "amy", "--json");

        using var json = JsonDocument.Parse(stdout);
        var progress = json.RootElement.GetProperty("progress");
        Assert.Equal(0, code);
        Assert.Equal("architecture", progress.GetProperty("quizzes")[0].GetProperty("lesson").GetString());
        Assert.Equal(0.75, progress.GetProperty("quizzes")[0].GetProperty("score").GetDouble());
        Assert.Equal("mtls-strict", progress.GetProperty("labsPassed")[0].GetProperty("lab").GetString());
    }

    [Fact]
    public async Task An_unknown_cohort_exits_2_naming_the_known_ones()
    {
        var (code, stdout, stderr) = await data.RunAsync("progress", "--cohort", "nope");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("no cohort named 'nope'. Known cohorts: team.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_both_json_and_csv_is_refused()
    {
        var (code, _, stderr) = await data.RunAsync("progress", "--json", "--csv");

        Assert.Equal(2, code);
        Assert.Contains("Choose one of --json and --csv", stderr, StringComparison.Ordinal);
    }
}
