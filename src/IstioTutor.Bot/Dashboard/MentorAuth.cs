using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IstioTutor.Bot.Dashboard;

/// <summary>
/// Checks the mentor token (bearer header for scripts, HttpOnly session cookie for the browser). The
/// cookie carries an expiry and an HMAC keyed by the token, never the token itself, so a leaked cookie
/// dies with its expiry and rotating the token signs everyone out.
/// </summary>
internal sealed class MentorAuth(IOptions<DashboardOptions> options, TimeProvider clock)
{
    public const string CookieName = "istiotutor_mentor";

    public bool Enabled => !string.IsNullOrEmpty(options.Value.MentorToken);

    public bool TokenMatches(string? candidate) =>
        Enabled && candidate is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(options.Value.MentorToken!));

    public bool IsAuthenticated(HttpContext http)
    {
        if (!Enabled)
        {
            return false;
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return TokenMatches(header["Bearer ".Length..].Trim());
        }

        return http.Request.Cookies.TryGetValue(CookieName, out var cookie) && SessionValid(cookie);
    }

    public void SignIn(HttpContext http)
    {
        var expires = clock.GetUtcNow().AddHours(options.Value.SessionHours);
        var payload = expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Cookies.Append(CookieName, $"{payload}.{Sign(payload)}", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = DashboardEndpoints.Root,
            Expires = expires,
        });
    }

    public static void SignOut(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = DashboardEndpoints.Root });

    private bool SessionValid(string cookie)
    {
        var dot = cookie.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(cookie[..dot], out var expiresUnix))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(cookie[..dot]));
        var given = Encoding.ASCII.GetBytes(cookie[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) && clock.GetUtcNow().ToUnixTimeSeconds() < expiresUnix;
    }

    private string Sign(string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.MentorToken!), Encoding.UTF8.GetBytes("mentor-session:" + payload)));
}
