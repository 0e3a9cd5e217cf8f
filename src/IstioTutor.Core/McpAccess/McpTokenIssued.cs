namespace IstioTutor.Core.McpAccess;

/// <summary>A freshly issued MCP token: <see cref="Token"/> is the only copy of the secret.</summary>
public sealed record McpTokenIssued(string Token, string LearnerId, DateTimeOffset CreatedAt);
