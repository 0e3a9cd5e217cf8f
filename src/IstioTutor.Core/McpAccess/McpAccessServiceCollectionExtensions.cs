using IstioTutor.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.McpAccess;

public static class McpAccessServiceCollectionExtensions
{
    /// <summary>The MCP token store and the /mcp-token chat command (every door can issue one; the MCP door cannot).</summary>
    public static IServiceCollection AddMcpAccess(this IServiceCollection services)
    {
        services.AddSingleton<IMcpTokenStore, LiteDbMcpTokenStore>();
        services.AddSingleton<ITurnCommand, McpTokenCommand>();
        return services;
    }
}
