using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Api;

/// <summary>A successful API answer: HTTP code, JSON body and the warnings to send as <c>Warning</c> headers.</summary>
internal sealed record ApiReply(int Code, JsonNode Body, IReadOnlyList<string> Warnings)
{
    public static ApiReply Ok(JsonNode body, IReadOnlyList<string>? warnings = null) => new(200, body, warnings ?? []);
}
