using System.Net;

namespace IstioTutor.Llm.Tests.OpenAiServer;

/// <summary>
/// One reply the loopback model server gives: text, tool calls, an HTTP error, optionally after a delay.
/// <see cref="Dynamic"/> computes the reply from the request (e.g. to cite the section ids it was sent).
/// </summary>
public sealed record ScriptedReply
{
    public string? Content { get; init; }
    public IReadOnlyList<ScriptedToolCall> ToolCalls { get; init; } = [];
    public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;
    public TimeSpan Delay { get; init; }
    public Func<ReceivedRequest, ScriptedReply>? Dynamic { get; init; }

    public static ScriptedReply Text(string content) => new() { Content = content };

    public static ScriptedReply Calls(params ScriptedToolCall[] calls) => new() { ToolCalls = calls };

    public static ScriptedReply Error(HttpStatusCode status) => new() { Status = status };

    public static ScriptedReply From(Func<ReceivedRequest, ScriptedReply> reply) => new() { Dynamic = reply };
}

/// <summary>A function call the scripted model asks for; <see cref="Function"/> is SK's "Plugin-Function" name.</summary>
public sealed record ScriptedToolCall(string Function, string ArgumentsJson);
