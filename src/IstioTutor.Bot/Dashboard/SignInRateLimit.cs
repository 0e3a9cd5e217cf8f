using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IstioTutor.Bot.Dashboard;

/// <summary>
/// Bounds mentor-token guessing: each client address gets <c>Dashboard:SignInAttemptsPerMinute</c> sign-in
/// posts per minute, right or wrong; the rest are answered 429 with Retry-After and the token is not checked.
/// Behind a proxy every client shares the proxy's address, which still bounds guessing for everyone.
/// </summary>
internal static class SignInRateLimit
{
    public const string Policy = "mentor-signin";

    public static RateLimitPartition<string> Partition(HttpContext http)
    {
        var perMinute = http.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.SignInAttemptsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    public static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(DashboardPages.SignIn($"Too many sign-in attempts from this address. Wait {Math.Ceiling(wait.TotalSeconds):0} seconds and try again."), cancellationToken);
    }
}
