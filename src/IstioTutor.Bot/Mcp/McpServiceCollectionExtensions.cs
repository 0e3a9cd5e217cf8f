using IstioTutor.Core.Turns;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace IstioTutor.Bot.Mcp;

/// <summary>Wires the tutor's MCP server: the same tools, resources and prompts over stdio and over HTTP.</summary>
public static class McpServiceCollectionExtensions
{
    /// <summary>The path of the Streamable HTTP endpoint on <c>istiotutor serve</c>.</summary>
    public const string Path = "/mcp";

    /// <summary>The MCP server with the tutor's tools, resources and prompts; add a transport to the returned builder.</summary>
    public static IMcpServerBuilder AddTutorMcp(this IServiceCollection services)
    {
        services.AddSingleton<McpLearnerIdentity>(sp => new McpLearnerIdentity(
            sp.GetRequiredService<Core.Progress.ILearnerStore>(), sp.GetService<McpStdioLearner>()));
        services.AddSingleton<McpDoor>();
        return services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "istiotutor", Version = typeof(McpDoor).Assembly.GetName().Version?.ToString(3) ?? "1.0.0" };
                options.ServerInstructions =
                    "IstioTutor teaches Istio from a bilingual curriculum and grades hands-on labs in the learner's own sandbox. "
                    + "Use ask for questions (answers cite lessons), open_lab/hint/check_lab for labs, preview_apply/preview_delete to propose changes. "
                    + "Changes are applied only when the learner approves them: call confirm with the preview id and let the learner answer.";
            })
            .WithTools<TutorMcpTools>()
            .WithResources<TutorMcpResources>()
            .WithPrompts<TutorMcpPrompts>();
    }

    /// <summary>The HTTP host's MCP server: Streamable HTTP with sessions (elicitation needs them), token-guarded.</summary>
    public static IServiceCollection AddTutorMcpHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<McpOptions>().Bind(configuration.GetSection(McpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<McpTokenAuthentication>();
        services.AddTutorMcp().WithHttpTransport(o => o.SessionMode = HttpServerSessionMode.Stateful);
        return services;
    }

    /// <summary>Maps <c>/mcp</c> behind the learner-token check.</summary>
    public static WebApplication MapTutorMcp(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<McpTokenAuthentication>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Path), branch => branch.Use((context, next) => auth.InvokeAsync(context, next)));
        app.MapMcp(Path);
        return app;
    }
}
