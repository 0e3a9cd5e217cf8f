using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Llm.Tests.OpenAiServer;

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port) speaking the OpenAI chat-completions protocol —
/// <c>POST /v1/chat/completions</c>, and Azure's <c>/openai/deployments/{name}/chat/completions</c> —
/// answering with scripted replies in order, streaming as SSE when asked. Started once per collection;
/// tests call <see cref="Reset"/> and script their own replies (collection tests run one at a time).
/// </summary>
public sealed class OpenAiTestServer : IAsyncLifetime
{
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The OpenAI-style endpoint the tutor is configured with (ends before /chat/completions).</summary>
    public string OpenAiEndpoint => new Uri(BaseAddress, "/v1").ToString();

    public IReadOnlyList<ReceivedRequest> Received => _received.ToArray();

    /// <summary>The <c>/embeddings</c> endpoint; its requests are kept apart from the chat requests above.</summary>
    public EmbeddingEndpoint Embeddings { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", HandleAsync);
        _app.MapPost("/openai/deployments/{deployment}/chat/completions", HandleAsync);
        _app.MapPost("/v1/embeddings", Embeddings.HandleAsync);
        _app.MapPost("/openai/deployments/{deployment}/embeddings", Embeddings.HandleAsync);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public void Reset()
    {
        _script.Clear();
        _received.Clear();
        Embeddings.Reset();
    }

    public void Script(params ScriptedReply[] replies)
    {
        foreach (var r in replies)
        {
            _script.Enqueue(r);
        }
    }

    public int Pending => _script.Count;

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var request = new ReceivedRequest(http.Request.Path + http.Request.QueryString, headers, body);
        _received.Enqueue(request);

        if (!_script.TryDequeue(out var reply))
        {
            await Error(http, HttpStatusCode.InternalServerError, "the test scripted no reply for this request");
            return;
        }

        while (reply.Dynamic is { } dynamic)
        {
            reply = dynamic(request) with { Delay = reply.Delay };
        }

        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply.Status != HttpStatusCode.OK)
        {
            await Error(http, reply.Status, "scripted failure");
            return;
        }

        var model = request.Json["model"]?.GetValue<string>() ?? "test-model";
        if (request.Json["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(http, reply, model);
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(Completion(reply, model).ToJsonString());
    }

    private static JsonObject Completion(ScriptedReply reply, string model)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.ToolCalls.Count > 0 ? null : reply.Content ?? "" };
        if (reply.ToolCalls.Count > 0)
        {
            message["tool_calls"] = ToolCalls(reply.ToolCalls, withIndex: false);
        }

        return new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N")[..12],
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = reply.ToolCalls.Count > 0 ? "tool_calls" : "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        };
    }

    private static JsonArray ToolCalls(IReadOnlyList<ScriptedToolCall> calls, bool withIndex)
    {
        var array = new JsonArray();
        for (var i = 0; i < calls.Count; i++)
        {
            var call = new JsonObject
            {
                ["id"] = $"call_{i}_{Guid.NewGuid():N}"[..20],
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = calls[i].Function, ["arguments"] = calls[i].ArgumentsJson },
            };
            if (withIndex)
            {
                call["index"] = i;
            }

            array.Add(call);
        }

        return array;
    }

    /// <summary>The same reply as server-sent events: a role chunk, the content (or tool calls), a finish chunk, [DONE].</summary>
    private static async Task StreamAsync(HttpContext http, ScriptedReply reply, string model)
    {
        http.Response.ContentType = "text/event-stream";
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..12];
        async Task Send(JsonObject delta, string? finish)
        {
            var chunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
            };
            await http.Response.WriteAsync("data: " + chunk.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n\n");
            await http.Response.Body.FlushAsync();
        }

        await Send(new JsonObject { ["role"] = "assistant" }, null);
        if (reply.ToolCalls.Count > 0)
        {
            await Send(new JsonObject { ["tool_calls"] = ToolCalls(reply.ToolCalls, withIndex: true) }, null);
            await Send([], "tool_calls");
        }
        else
        {
            await Send(new JsonObject { ["content"] = reply.Content ?? "" }, null);
            await Send([], "stop");
        }

        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static async Task Error(HttpContext http, HttpStatusCode status, string message)
    {
        http.Response.StatusCode = (int)status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = "server_error", ["code"] = null },
        }.ToJsonString());
    }
}
