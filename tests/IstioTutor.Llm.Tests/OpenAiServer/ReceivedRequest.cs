using System.Text.Json.Nodes;

namespace IstioTutor.Llm.Tests.OpenAiServer;

/// <summary>A request the loopback model server received, kept whole so tests can assert what left the tutor.</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public IReadOnlyList<(string Role, string Content)> Messages =>
        Json["messages"]!.AsArray()
            .Select(m => (m!["role"]!.GetValue<string>(), m["content"] is JsonValue v ? v.GetValue<string>() : m["content"]?.ToJsonString() ?? ""))
            .ToArray();

    public string System => Messages.First(m => m.Role == "system").Content;

    public string LastUser => Messages.Last(m => m.Role == "user").Content;

    public IReadOnlyList<string> ToolNames =>
        Json["tools"] is JsonArray tools ? tools.Select(t => t!["function"]!["name"]!.GetValue<string>()).ToArray() : [];

    /// <summary>Every tool result message sent back to the model in this request.</summary>
    public IReadOnlyList<string> ToolResults => Messages.Where(m => m.Role == "tool").Select(m => m.Content).ToArray();

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}
