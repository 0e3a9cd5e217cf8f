using System.Text.Json;

namespace IstioTutor.Cli.Tests;

public sealed class AskCommandTests(IstiotutorProcess cli) : IClassFixture<IstiotutorProcess>
{
    private static readonly string[] ContractFields = ["text", "grounded", "stage", "citations", "pendingAction", "check"];

    [Fact]
    public async Task Ask_json_prints_one_object_with_exactly_the_contract_fields()
    {
        var data = cli.NewDataDirectory();

        var (exit, stdout, stderr) = await cli.RunAsync(null, "ask", "--json", "--learner", "ann", "--stage", "intermediate", "--data", data,
            "How do I shift traffic with weights for a canary release?");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout.Trim());
        var root = doc.RootElement;
        Assert.Equal(ContractFields, root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("grounded").GetBoolean());
        Assert.Equal("intermediate", root.GetProperty("stage").GetString());
        var citation = root.GetProperty("citations")[0];
        Assert.Equal(["lessonId", "title", "stage", "section", "lang"], citation.EnumerateObject().Select(p => p.Name));
        Assert.Equal("traffic-shifting", citation.GetProperty("lessonId").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pendingAction").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("check").ValueKind);
        Assert.True(File.Exists(Path.Combine(data, "istiotutor.db")));
    }

    [Fact]
    public async Task Ask_without_text_reads_one_message_per_line_and_writes_one_json_object_per_line()
    {
        var data = cli.NewDataDirectory();

        var (exit, stdout, stderr) = await cli.RunAsync("What does istiod do?\n\n내일 서울 날씨 어때요?\n/stage\n", "ask", "--json", "--data", data);

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var answers = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.True(answers[0].GetProperty("grounded").GetBoolean());
        Assert.False(answers[1].GetProperty("grounded").GetBoolean());
        Assert.Equal(0, answers[1].GetProperty("citations").GetArrayLength());
        Assert.Contains("커리큘럼", answers[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("beginner", answers[2].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stage_and_quiz_state_persist_between_invocations_on_one_data_directory()
    {
        var data = cli.NewDataDirectory();

        await cli.RunAsync(null, "ask", "--json", "--learner", "bo", "--data", data, "--stage", "advanced", "/lesson", "traffic-shifting");
        await cli.RunAsync(null, "ask", "--json", "--learner", "bo", "--data", data, "/quiz");
        var (_, stdout, _) = await cli.RunAsync(null, "ask", "--json", "--learner", "bo", "--data", data, "/answer", "2");

        var root = JsonDocument.Parse(stdout.Trim()).RootElement;
        Assert.Equal("advanced", root.GetProperty("stage").GetString());
        Assert.Contains("question 2 of", root.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_stage_is_refused_with_a_clear_error_and_creates_nothing()
    {
        var data = Path.Combine(cli.DataRoot, "never-created");

        var (exit, stdout, stderr) = await cli.RunAsync(null, "ask", "--json", "--stage", "expert", "--data", data, "hello");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--stage 'expert' is not a stage", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_exits_2_naming_the_key_without_a_stack_trace()
    {
        var data = cli.NewDataDirectory();

        var (exit, _, stderr) = await cli.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["ISTIOTUTOR_Mesh__Mode"] = "bogus" }, null, "ask", "--data", data, "What is Istio?");

        Assert.Equal(2, exit);
        Assert.Contains("Invalid configuration", stderr, StringComparison.Ordinal);
        Assert.Contains("Mesh:Mode", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_data_option_the_ISTIOTUTOR_DATA_directory_is_used()
    {
        var fromEnvironment = cli.NewDataDirectory();

        var (exit, _, stderr) = await cli.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["ISTIOTUTOR_DATA"] = fromEnvironment }, null, "ask", "/stage");

        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(Path.Combine(fromEnvironment, "istiotutor.db")));
    }

    [Fact]
    public async Task The_data_option_wins_over_ISTIOTUTOR_DATA()
    {
        var fromEnvironment = cli.NewDataDirectory();
        var fromOption = cli.NewDataDirectory();

        var (exit, _, stderr) = await cli.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["ISTIOTUTOR_DATA"] = fromEnvironment }, null, "ask", "--data", fromOption, "/stage");

        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(Path.Combine(fromOption, "istiotutor.db")));
        Assert.False(File.Exists(Path.Combine(fromEnvironment, "istiotutor.db")));
    }

    [Fact]
    public async Task Chat_answers_piped_lines_and_quits_on_exit()
    {
        var data = cli.NewDataDirectory();

        var (exit, stdout, stderr) = await cli.RunAsync("What is the default load balancing algorithm?\n/exit\nnot read\n", "chat", "--data", data);

        Assert.True(exit == 0, stderr);
        Assert.Contains("LEAST_REQUEST", stdout, StringComparison.Ordinal);
        Assert.Contains("default-load-balancing", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_prints_statistics_per_stage_and_language()
    {
        var (exit, stdout, stderr) = await cli.RunAsync(null, "index", "--data", cli.NewDataDirectory());

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("intermediate", stdout, StringComparison.Ordinal);
        Assert.Contains("quiz questions:", stdout, StringComparison.Ordinal);
        Assert.Contains("build time:", stdout, StringComparison.Ordinal);
    }
}
