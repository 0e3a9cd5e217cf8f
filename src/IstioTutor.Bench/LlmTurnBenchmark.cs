using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IstioTutor.Core.Answering;
using IstioTutor.Core.Hosting;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Hosting;
using IstioTutor.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Bench;

/// <summary>
/// The tutor's own cost of an LLM turn — retrieval, prompt rendering, the HTTP round trip through the
/// Semantic Kernel OpenAI connector, citation checking and the history write — against a loopback
/// OpenAI-protocol server that answers at once, so the figure is the tutor's overhead, not a model's.
/// </summary>
public sealed partial class LlmTurnBenchmark : IBenchmark
{
    private const int Turns = 200;

    public string Name => "llm-turn";

    public string Description => $"{Turns} LLM-engine turns against an instant loopback OpenAI-protocol server (tutor overhead per turn)";

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var model = builder.Build();
        model.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            var request = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken))!;
            var user = request["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "user")!["content"]!.GetValue<string>();
            var id = ReferenceId().Match(user).Groups[1].Value;
            var reply = new JsonObject
            {
                ["id"] = "chatcmpl-bench", ["object"] = "chat.completion", ["created"] = 0, ["model"] = "bench",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["finish_reason"] = "stop",
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = $"Set the weights on the route [{id}]." },
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
            };
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(reply.ToJsonString(), cancellationToken);
        });
        await model.StartAsync(cancellationToken);

        var data = Directory.CreateTempSubdirectory("istiotutor-bench-llm-");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Tutor:DataDirectory"] = data.FullName,
                ["Llm:Provider"] = "openai",
                ["Llm:Model"] = "bench",
                ["Llm:Endpoint"] = model.Urls.First() + "/v1",
                ["Llm:EnableTools"] = "false",
            }).Build();
            var services = new ServiceCollection().AddLogging();
            services.AddIstioTutor(configuration);
            services.AddEmbeddedSandbox();
            await using var provider = services.BuildServiceProvider();
            var engine = provider.GetRequiredService<IAnswerEngine>();
            var learner = provider.GetRequiredService<ILearnerStore>().Resolve(Door.Terminal, "bench", null);
            string[] questions =
            [
                "How do I send 10% of traffic to a new version with VirtualService weights?",
                "What does PeerAuthentication STRICT mode do?",
                "How do I inject a delay fault for one user?",
                "VirtualService 가중치로 트래픽을 나누는 방법은?",
            ];

            async Task<bool> Turn(int i)
            {
                var q = questions[i % questions.Length];
                var answer = await engine.AnswerAsync(new AnswerRequest(q, q.Any(c => c >= '\uAC00') ? "ko" : "en", Stage.Intermediate, learner, $"bench-{i % 8}", Door.Terminal), cancellationToken);
                return answer.Grounded;
            }

            for (var i = 0; i < 20; i++)
            {
                await Turn(i);
            }

            var times = new List<double>(Turns);
            var grounded = 0;
            for (var i = 0; i < Turns; i++)
            {
                var watch = Stopwatch.StartNew();
                grounded += await Turn(i) ? 1 : 0;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            return
            [
                new BenchFigure("turn (median)", times[times.Count / 2], "ms", "≤ 50 ms of tutor overhead"),
                new BenchFigure("turn (p95)", times[(int)(times.Count * 0.95)], "ms"),
                new BenchFigure("grounded answers", 100.0 * grounded / Turns, "%"),
            ];
        }
        finally
        {
            await model.StopAsync(cancellationToken);
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // LiteDB may hold the file a moment longer; it is a temp folder.
            }
        }
    }

    [GeneratedRegex("<reference id=\"([^\"]+)\"")]
    private static partial Regex ReferenceId();
}
