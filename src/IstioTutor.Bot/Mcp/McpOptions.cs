using System.ComponentModel.DataAnnotations;

namespace IstioTutor.Bot.Mcp;

/// <summary>The <c>Mcp</c> section: limits of the MCP endpoint (<c>/mcp</c>) of <c>istiotutor serve</c>.</summary>
public sealed class McpOptions
{
    public const string Section = "Mcp";

    /// <summary>HTTP requests one token may make per minute; more get 429 with Retry-After.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 120;
}
