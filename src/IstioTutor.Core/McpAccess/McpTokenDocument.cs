namespace IstioTutor.Core.McpAccess;

/// <summary>LiteDB shape of an MCP token: <see cref="Id"/> is the SHA-256 of the token, never the token.</summary>
internal sealed class McpTokenDocument
{
    public const string Collection = "mcp_tokens";

    public string Id { get; set; } = "";
    public string LearnerId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
