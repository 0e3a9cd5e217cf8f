using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IstioTutor.Core.Guard.Audit;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Bot.Tests.Mcp;

/// <summary>/mcp on the real host through the SDK's own Streamable HTTP client, each learner with their own token.</summary>
[Collection("mcp-host")]
public sealed class McpHttpTests(McpHostFixture host)
{
    private static readonly ResourceKind VirtualService = ResourceKinds.All.Single(k => k.Kind == "VirtualService");

    [Fact]
    public async Task Tools_are_listed_for_a_learner_token()
    {
        await using var client = await host.ConnectAsync(await host.IssueTokenAsync("lister"));

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToHashSet();

        foreach (var expected in new[] { "ask", "open_lesson", "list_labs", "open_lab", "hint", "check_lab", "get_resources", "analyze", "simulate", "preview_apply", "preview_delete", "confirm", "quiz", "answer_quiz" })
        {
            Assert.Contains(expected, names);
        }
    }

    [Fact]
    public async Task Ask_answers_from_the_curriculum_with_citations_to_lesson_resources()
    {
        await using var client = await host.ConnectAsync(await host.IssueTokenAsync("asker"));

        var answer = await McpHostFixture.CallAsync(client, "ask", new() { ["question"] = "How do I split traffic between two versions of a service with weights?" });

        Assert.True(answer.GetProperty("grounded").GetBoolean());
        var citation = answer.GetProperty("citations")[0];
        Assert.StartsWith("istiotutor://lessons/en/", citation.GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_about_another_topic_is_not_grounded()
    {
        await using var client = await host.ConnectAsync(await host.IssueTokenAsync("offtopic"));

        var answer = await McpHostFixture.CallAsync(client, "ask", new() { ["question"] = "What is a good recipe for sourdough bread?" });

        Assert.False(answer.GetProperty("grounded").GetBoolean());
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401()
    {
        using var response = await host.Http.PostAsync("mcp", new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var token = await host.IssueTokenAsync("revoker");
        await (await host.ConnectAsync(token)).DisposeAsync();

        await host.TerminalAsync("revoker", "/mcp-token revoke");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectAsync(token));
        Assert.True(refused.ToString().Contains("401", StringComparison.Ordinal) || refused.ToString().Contains("Unauthorized", StringComparison.Ordinal), refused.ToString());
    }

    [Fact]
    public async Task Confirm_from_a_client_without_elicitation_is_refused_as_the_models_and_nothing_is_applied()
    {
        await using var client = await host.ConnectAsync(await host.IssueTokenAsync("nomodel"));
        var preview = await McpHostFixture.CallAsync(client, "preview_apply", new() { ["yaml"] = McpHostFixture.RoutingManifest });
        var id = preview.GetProperty("pendingAction").GetProperty("id").GetString()!;

        var result = await client.CallToolAsync("confirm", new Dictionary<string, object?> { ["previewId"] = id });

        Assert.Contains($"/confirm {id}", McpHostFixture.Text(result), StringComparison.Ordinal);
        Assert.Null(await host.GetAsync(VirtualService, "learn-nomodel", "reviews"));
        var refusal = host.App.Services.GetRequiredService<IAuditLog>().Query("nomodel")
            .Single(e => e.Verb == "confirm" && e.Decision == AuditDecision.Refused);
        Assert.Equal(Door.Mcp, refusal.Door);
        Assert.True(refusal.ModelInitiated);
    }

    [Fact]
    public async Task Confirm_applies_only_after_the_learner_says_yes_to_the_elicitation()
    {
        var asked = new List<string>();
        await using var client = await host.ConnectAsync(await host.IssueTokenAsync("elicited"), McpHostFixture.Answer(apply: true, asked));
        var id = (await McpHostFixture.CallAsync(client, "preview_apply", new() { ["yaml"] = McpHostFixture.RoutingManifest }))
            .GetProperty("pendingAction").GetProperty("id").GetString()!;

        await McpHostFixture.CallAsync(client, "confirm", new() { ["previewId"] = id });

        Assert.StartsWith($"Apply preview {id} to learn-elicited?", Assert.Single(asked), StringComparison.Ordinal);
        Assert.NotNull(await host.GetAsync(VirtualService, "learn-elicited", "reviews"));
        var writes = host.App.Services.GetRequiredService<IAuditLog>().Query("elicited")
            .Where(e => e.ActionId == id && e.Reason.StartsWith("confirmed", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, w => Assert.Equal((Door.Mcp, false), (w.Door, w.ModelInitiated)));
    }

    [Fact]
    public async Task Confirm_answered_no_in_the_elicitation_applies_nothing()
    {
        await using var client = await host.ConnectAsync(await host.IssueTokenAsync("declined"), McpHostFixture.Answer(apply: false, []));
        var id = (await McpHostFixture.CallAsync(client, "preview_apply", new() { ["yaml"] = McpHostFixture.RoutingManifest }))
            .GetProperty("pendingAction").GetProperty("id").GetString()!;

        var result = await client.CallToolAsync("confirm", new Dictionary<string, object?> { ["previewId"] = id });

        Assert.Contains("did not approve", McpHostFixture.Text(result), StringComparison.Ordinal);
        Assert.Null(await host.GetAsync(VirtualService, "learn-declined", "reviews"));
    }

    [Fact]
    public async Task A_preview_made_over_mcp_is_confirmed_by_typing_its_id_in_another_door()
    {
        await using var client = await host.ConnectAsync(await host.IssueTokenAsync("typist"));
        var id = (await McpHostFixture.CallAsync(client, "preview_apply", new() { ["yaml"] = McpHostFixture.RoutingManifest }))
            .GetProperty("pendingAction").GetProperty("id").GetString()!;

        var reply = await host.TerminalAsync("typist", "/confirm " + id);

        Assert.StartsWith("Applied " + id, reply.Text, StringComparison.Ordinal);
        Assert.NotNull(await host.GetAsync(VirtualService, "learn-typist", "reviews"));
    }

    [Fact]
    public async Task A_preview_made_over_mcp_is_not_confirmed_from_another_door_without_naming_its_id()
    {
        await using var client = await host.ConnectAsync(await host.IssueTokenAsync("vague"));
        await McpHostFixture.CallAsync(client, "preview_apply", new() { ["yaml"] = McpHostFixture.RoutingManifest });

        var reply = await host.TerminalAsync("vague", "/confirm");

        Assert.Contains("no preview waiting for you in this conversation", reply.Text, StringComparison.Ordinal);
        Assert.Null(await host.GetAsync(VirtualService, "learn-vague", "reviews"));
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_hashes()
    {
        var token = await host.IssueTokenAsync("hashed");

        var stored = Directory.EnumerateFiles(host.DataDirectory, "*", SearchOption.AllDirectories)
            .Select(f => File.ReadAllBytes(f))
            .Any(bytes => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)) >= 0);

        Assert.False(stored);
    }

    [Fact]
    public async Task One_learners_token_cannot_write_to_another_learners_sandbox()
    {
        await using var mallory = await host.ConnectAsync(await host.IssueTokenAsync("mallory"));
        var foreign = McpHostFixture.RoutingManifest.Replace("kind: VirtualService\nmetadata:\n  name: reviews", "kind: VirtualService\nmetadata:\n  name: reviews\n  namespace: learn-victim", StringComparison.Ordinal);
        Assert.Contains("learn-victim", foreign, StringComparison.Ordinal);

        var result = await mallory.CallToolAsync("preview_apply", new Dictionary<string, object?> { ["yaml"] = foreign });

        Assert.Contains("Refused", McpHostFixture.Text(result), StringComparison.Ordinal);
        Assert.Null(await host.GetAsync(VirtualService, "learn-victim", "reviews"));
    }

    [Fact]
    public async Task One_learners_token_cannot_confirm_another_learners_preview_even_with_a_yes()
    {
        await using var victim = await host.ConnectAsync(await host.IssueTokenAsync("owner"));
        var id = (await McpHostFixture.CallAsync(victim, "preview_apply", new() { ["yaml"] = McpHostFixture.RoutingManifest }))
            .GetProperty("pendingAction").GetProperty("id").GetString()!;
        var asked = new List<string>();
        await using var other = await host.ConnectAsync(await host.IssueTokenAsync("intruder"), McpHostFixture.Answer(apply: true, asked));

        var result = await other.CallToolAsync("confirm", new Dictionary<string, object?> { ["previewId"] = id });

        Assert.True(result.IsError);
        Assert.Empty(asked);
        Assert.Null(await host.GetAsync(VirtualService, "learn-owner", "reviews"));
    }

    [Fact]
    public async Task One_learners_token_cannot_use_another_learners_session()
    {
        await using var owner = await host.ConnectAsync(await host.IssueTokenAsync("sessionowner"));
        var intruderToken = await host.IssueTokenAsync("sessionintruder");
        using var request = new HttpRequestMessage(HttpMethod.Post, "mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_resources","arguments":{"kind":"vs"}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", intruderToken);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("Mcp-Session-Id", owner.SessionId);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Requests_past_the_per_token_limit_get_429()
    {
        var token = await host.IssueTokenAsync("flooder");
        var allowed = 0;
        HttpResponseMessage? limited = null;
        // The bucket refills once a minute; a refill landing mid-loop can only push the first 429 later, never earlier.
        for (var i = 0; i < 3 * McpHostFixture.RequestsPerMinute && limited is null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, "mcp");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await host.Http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                allowed++;
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        Assert.True(allowed >= McpHostFixture.RequestsPerMinute, $"only {allowed} requests passed before the first 429");
        Assert.NotNull(limited.Headers.RetryAfter);
        limited.Dispose();
    }

    [Fact]
    public async Task A_lab_checked_over_mcp_counts_as_the_learners_progress_through_the_mcp_door()
    {
        var asked = new List<string>();
        await using var client = await host.ConnectAsync(await host.IssueTokenAsync("progressor"), McpHostFixture.Answer(apply: true, asked));
        var id = (await McpHostFixture.CallAsync(client, "preview_apply", new() { ["yaml"] = McpHostFixture.RoutingManifest }))
            .GetProperty("pendingAction").GetProperty("id").GetString()!;
        await McpHostFixture.CallAsync(client, "confirm", new() { ["previewId"] = id });

        var check = (await McpHostFixture.CallAsync(client, "check_lab", new() { ["labId"] = "request-routing" })).GetProperty("check");

        Assert.True(check.GetProperty("passed").GetBoolean());
        var recorded = host.App.Services.GetRequiredService<IProgressLog>().ForLearner("progressor")
            .Single(e => e.Kind == ProgressEventKind.LabChecked);
        Assert.Equal(Door.Mcp, recorded.Door);
        // Every part of the turn (the pipeline and its follow-ups) acted for the token's learner; none made an "mcp-…" learner.
        Assert.Null(host.App.Services.GetRequiredService<ILearnerStore>().Find(LearnerIds.FromChannelUser(Door.Mcp, "progressor")));
        Assert.Contains("✔ request-routing", (await host.TerminalAsync("progressor", "/labs")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_mcp_tool_call_is_audited_with_the_mcp_door_as_model_initiated()
    {
        await using var client = await host.ConnectAsync(await host.IssueTokenAsync("audited"));

        await McpHostFixture.CallAsync(client, "list_labs");

        var entry = host.App.Services.GetRequiredService<IAuditLog>().Query("audited").Single(e => e.Verb == "mcp-list_labs");
        Assert.Equal(Door.Mcp, entry.Door);
        Assert.True(entry.ModelInitiated);
    }
}
