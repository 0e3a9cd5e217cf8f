using System.Text.Json;
using IstioTutor.Core.Labs.Catalog;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace IstioTutor.Cli.Tests;

/// <summary>The real <c>istiotutor mcp</c> process driven by the SDK's own stdio client, as an editor would start it.</summary>
public sealed class McpStdioTests(IstiotutorProcess cli) : IClassFixture<IstiotutorProcess>
{
    private static readonly string Manifest = new RequestRoutingLab().Definition.ReferenceSolution[0];

    [Fact]
    public async Task Stdio_server_lists_the_tutor_tools_resources_and_prompts()
    {
        await using var client = await StartAsync(cli.NewDataDirectory(), "lister");

        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        var templates = (await client.ListResourceTemplatesAsync()).Select(t => t.UriTemplate).ToList();
        var prompts = (await client.ListPromptsAsync()).Select(p => p.Name).ToList();

        Assert.Contains("ask", tools);
        Assert.Contains("check_lab", tools);
        Assert.Contains("confirm", tools);
        Assert.Contains("istiotutor://lessons/{lang}/{id}", templates);
        Assert.Contains("istiotutor://labs/{id}", templates);
        Assert.Equal(["quiz_me", "start_lab"], prompts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Stdio_ask_answers_with_citations_and_reads_the_cited_lesson_resource()
    {
        await using var client = await StartAsync(cli.NewDataDirectory(), "asker");

        var result = await client.CallToolAsync("ask", new Dictionary<string, object?> { ["question"] = "What does a DestinationRule subset do?" });
        var structured = result.StructuredContent!.Value;
        var uri = structured.GetProperty("citations")[0].GetProperty("uri").GetString()!;
        var lesson = await client.ReadResourceAsync(uri);

        Assert.True(structured.GetProperty("grounded").GetBoolean());
        Assert.Contains("Sources:", Text(result), StringComparison.Ordinal);
        Assert.StartsWith("# ", Assert.IsType<TextResourceContents>(Assert.Single(lesson.Contents)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdio_confirm_without_elicitation_is_refused_and_the_learner_confirms_by_typing_the_id()
    {
        var data = cli.NewDataDirectory();
        string id;
        await using (var client = await StartAsync(data, "typist"))
        {
            id = (await client.CallToolAsync("preview_apply", new Dictionary<string, object?> { ["yaml"] = Manifest }))
                .StructuredContent!.Value.GetProperty("pendingAction").GetProperty("id").GetString()!;

            var refused = Text(await client.CallToolAsync("confirm", new Dictionary<string, object?> { ["previewId"] = id }));

            Assert.Contains("Refused", refused, StringComparison.Ordinal);
            Assert.Contains($"type /confirm {id} yourself", refused, StringComparison.Ordinal);
        }

        var (exit, stdout, stderr) = await cli.RunAsync(null, "ask", "--learner", "typist", "--data", data, "--json", "/confirm " + id);

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("Applied " + id, JsonDocument.Parse(stdout).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdio_confirm_accepted_in_the_elicitation_applies_and_the_lab_passes_for_the_terminal_learner()
    {
        var data = cli.NewDataDirectory();
        var asked = new List<string>();
        await using (var client = await StartAsync(data, "editor", (request, _) =>
        {
            asked.Add(request?.Message ?? "");
            return ValueTask.FromResult(new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["apply"] = JsonSerializer.SerializeToElement(true) } });
        }))
        {
            var id = (await client.CallToolAsync("preview_apply", new Dictionary<string, object?> { ["yaml"] = Manifest }))
                .StructuredContent!.Value.GetProperty("pendingAction").GetProperty("id").GetString()!;
            await client.CallToolAsync("confirm", new Dictionary<string, object?> { ["previewId"] = id });

            var check = (await client.CallToolAsync("check_lab", new Dictionary<string, object?> { ["labId"] = "request-routing" }))
                .StructuredContent!.Value.GetProperty("check");

            Assert.StartsWith($"Apply preview {id} to learn-editor?", Assert.Single(asked), StringComparison.Ordinal);
            Assert.True(check.GetProperty("passed").GetBoolean());
        }

        var (exit, stdout, stderr) = await cli.RunAsync(null, "ask", "--learner", "editor", "--data", data, "--json", "/labs");

        Assert.True(exit == 0, stderr);
        Assert.Contains("✔ request-routing", JsonDocument.Parse(stdout).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private Task<McpClient> StartAsync(string data, string learner, Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? elicit = null)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "istiotutor",
            Command = "dotnet",
            Arguments = [cli.Dll, "mcp", "--learner", learner, "--data", data],
            WorkingDirectory = cli.DataRoot,
            EnvironmentVariables = new Dictionary<string, string?> { ["ISTIOTUTOR_DATA"] = null },
        });
        var options = new McpClientOptions { ClientInfo = new Implementation { Name = "istiotutor-cli-tests", Version = "1.0.0" } };
        if (elicit is not null)
        {
            options.Handlers = new McpClientHandlers { ElicitationHandler = elicit };
        }

        return McpClient.CreateAsync(transport, options);
    }

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
