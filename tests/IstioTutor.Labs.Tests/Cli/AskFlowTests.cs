using System.Text.Json;
using IstioTutor.Cli.Tests;
using IstioTutor.Core.Labs.Catalog;

namespace IstioTutor.Labs.Tests.Cli;

/// <summary>The whole flow through separate <c>istiotutor ask</c> processes sharing one data directory.</summary>
public sealed class AskFlowTests : IClassFixture<IstiotutorProcess>
{
    private readonly IstiotutorProcess _cli;

    public AskFlowTests(IstiotutorProcess cli) => _cli = cli;

    [Fact]
    public async Task Preview_confirm_and_check_in_separate_ask_processes_keep_state_in_the_data_directory()
    {
        var manifest = new MtlsStrictLab().Definition.ReferenceSolution[0];

        var preview = await AskJsonAsync("/apply\n```yaml\n" + manifest + "\n```");
        var id = preview.GetProperty("pendingAction").GetProperty("id").GetString()!;
        var confirm = await AskJsonAsync("/confirm " + id);
        var check = await AskJsonAsync("/check mtls-strict");

        Assert.Contains("+++ preview/PeerAuthentication/default", preview.GetProperty("pendingAction").GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Applied " + id, confirm.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(check.GetProperty("check").GetProperty("passed").GetBoolean(), check.GetProperty("text").GetString());

        var (code, audit, stderr) = await _cli.RunAsync(null, "audit", "--learner", "cli-learner", "--json", "--data", _cli.DataRoot);
        Assert.True(code == 0, stderr);
        var entries = audit.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(entries, e => e.GetProperty("verb").GetString() == "preview-apply" && e.GetProperty("decision").GetString() == "allowed");
        Assert.Contains(entries, e => e.GetProperty("verb").GetString() == "create" && e.GetProperty("kind").GetString() == "PeerAuthentication" && e.GetProperty("actionId").GetString() == id);
    }

    private async Task<JsonElement> AskJsonAsync(string text)
    {
        var (code, stdout, stderr) = await _cli.RunAsync(null, "ask", "--learner", "cli-learner", "--json", "--data", _cli.DataRoot, text);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
    }
}
