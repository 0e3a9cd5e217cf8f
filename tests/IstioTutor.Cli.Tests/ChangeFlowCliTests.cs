using System.Text.Json;
using IstioTutor.Core.Labs.Catalog;

namespace IstioTutor.Cli.Tests;

/// <summary>/apply, /confirm and /check through the real <c>istiotutor</c> process: the JSON contract and the chat rendering.</summary>
public sealed class ChangeFlowCliTests(IstiotutorProcess cli) : IClassFixture<IstiotutorProcess>
{
    private static readonly string Manifest = new RequestRoutingLab().Definition.ReferenceSolution[0];

    [Fact]
    public async Task Ask_json_pending_action_carries_id_summary_diff_findings_prediction_and_expiry()
    {
        var data = cli.NewDataDirectory();

        var preview = await AskJsonAsync(data, "/apply\n```yaml\n" + Manifest + "\n```");

        var pending = preview.GetProperty("pendingAction");
        Assert.Equal(["id", "summary", "diff", "findings", "prediction", "expiresAt"], pending.EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrWhiteSpace(pending.GetProperty("id").GetString()));
        Assert.Contains("VirtualService", pending.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("+++ preview/VirtualService/reviews", pending.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, pending.GetProperty("findings").ValueKind);
        Assert.Contains("reviews", pending.GetProperty("prediction").GetString(), StringComparison.Ordinal);
        Assert.True(pending.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Ask_json_check_carries_lab_passed_findings_and_the_method_it_used()
    {
        var data = cli.NewDataDirectory();
        var id = (await AskJsonAsync(data, "/apply\n```yaml\n" + Manifest + "\n```")).GetProperty("pendingAction").GetProperty("id").GetString()!;
        await AskJsonAsync(data, "/confirm " + id);

        var check = (await AskJsonAsync(data, "/check request-routing")).GetProperty("check");

        Assert.Equal(["lab", "passed", "findings", "method"], check.EnumerateObject().Select(p => p.Name));
        Assert.Equal("request-routing", check.GetProperty("lab").GetString());
        Assert.True(check.GetProperty("passed").GetBoolean());
        Assert.Equal(["message", "hint", "ok"], check.GetProperty("findings")[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains("simulator", check.GetProperty("method").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_shows_a_piped_multi_line_apply_as_a_preview_and_says_how_to_confirm()
    {
        var data = cli.NewDataDirectory();

        var (exit, stdout, stderr) = await cli.RunAsync("/apply\n```yaml\n" + Manifest + "\n```\n/exit\n", "chat", "--learner", "chatter", "--data", data);

        Assert.True(exit == 0, stderr);
        Assert.Contains("Preview ", stdout, StringComparison.Ordinal);
        Assert.Contains("+++ preview/VirtualService/reviews", stdout, StringComparison.Ordinal);
        Assert.Contains("Analysis with the change applied", stdout, StringComparison.Ordinal);
        Assert.Contains("Simulator prediction", stdout, StringComparison.Ordinal);
        // The panel wraps at the terminal width (80 when piped), so the instruction is checked in pieces.
        Assert.Contains("Type /confirm ", stdout, StringComparison.Ordinal);
        Assert.Contains("/cancel to discard it", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_confirms_then_shows_a_lab_check_as_a_table_of_findings()
    {
        var data = cli.NewDataDirectory();
        var id = (await AskJsonAsync(data, "/apply\n```yaml\n" + Manifest + "\n```", "chk")).GetProperty("pendingAction").GetProperty("id").GetString()!;

        var (exit, stdout, stderr) = await cli.RunAsync($"/confirm {id}\n/check request-routing\n", "chat", "--learner", "chk", "--data", data);

        Assert.True(exit == 0, stderr);
        Assert.Contains("Applied " + id, stdout, StringComparison.Ordinal);
        Assert.Contains("✔ request-routing passed", stdout, StringComparison.Ordinal);
        Assert.Contains("│ Finding", stdout, StringComparison.Ordinal);
        Assert.Contains("│ ✔  │", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("│ ✘  │", stdout, StringComparison.Ordinal);
        Assert.Contains("How this was checked:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_shows_a_failed_check_with_what_is_wrong_and_a_hint()
    {
        var data = cli.NewDataDirectory();

        var (exit, stdout, stderr) = await cli.RunAsync("/check request-routing\n", "chat", "--learner", "nochange", "--data", data);

        Assert.True(exit == 0, stderr);
        Assert.Contains("✘ request-routing not passed yet", stdout, StringComparison.Ordinal);
        Assert.Contains("│ Hint", stdout, StringComparison.Ordinal);
        Assert.Contains("│ ✘  │", stdout, StringComparison.Ordinal);
    }

    private async Task<JsonElement> AskJsonAsync(string data, string text, string learner = "flow")
    {
        var (code, stdout, stderr) = await cli.RunAsync(null, "ask", "--learner", learner, "--json", "--data", data, text);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
    }
}
