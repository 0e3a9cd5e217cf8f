using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using IstioTutor.Core.McpAccess;
using Microsoft.Extensions.Options;

namespace IstioTutor.Bot.Mcp;

/// <summary>
/// Guards <c>/mcp</c>: every request carries a learner's bearer token from <c>/mcp-token</c>, or it gets 401 and
/// never reaches the MCP server; each token has its own request budget (429 past it). The accepted request's
/// user is that learner, which the MCP SDK also pins to the session it opens, so one learner's token cannot
/// ride another learner's session.
/// </summary>
public sealed class McpTokenAuthentication : IDisposable
{
    /// <summary>The authentication type of the users this sets; <see cref="McpLearnerIdentity"/> trusts only it.</summary>
    public const string Scheme = "IstioTutorMcpToken";

    private readonly IMcpTokenStore _tokens;
    private readonly PartitionedRateLimiter<string> _limiter;

    public McpTokenAuthentication(IMcpTokenStore tokens, IOptions<McpOptions> options)
    {
        _tokens = tokens;
        var perMinute = options.Value.RequestsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        var learnerId = token.Length == 0 ? null : _tokens.Authenticate(token);
        if (learnerId is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"istiotutor\"";
            await context.Response.WriteAsync(token.Length == 0
                ? "The MCP endpoint needs a learner's token: type /mcp-token in the tutor's chat and send it as 'Authorization: Bearer <token>'."
                : "That MCP token is unknown or revoked. Type /mcp-token in the tutor's chat for a new one.");
            return;
        }

        // The budget is per token (keyed by its hash, so the limiter never holds the secret).
        using var lease = _limiter.AttemptAcquire(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        if (!lease.IsAcquired)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsync("Too many MCP requests for this token; wait a little and try again.");
            return;
        }

        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, learnerId)], Scheme));
        await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
