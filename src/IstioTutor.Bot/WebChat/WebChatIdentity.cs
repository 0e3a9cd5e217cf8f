using System.Text.RegularExpressions;

namespace IstioTutor.Bot.WebChat;

/// <summary>
/// The web page's learner: the host issues a random session secret in an HttpOnly, SameSite=Strict cookie
/// and maps it server-side to a web user id. The id (which mentors see, and which names the learner's
/// sandbox namespace) is never a credential; a cookie the host did not issue — unknown, forged, malformed,
/// or an old learner-id cookie — starts a new learner and never adopts an existing one.
/// </summary>
internal sealed partial class WebChatIdentity(WebSessionStore sessions)
{
    public const string CookieName = "istiotutor_session";

    /// <summary>The cookie earlier versions issued, whose value was the learner id itself: dropped, never trusted.</summary>
    public const string LegacyCookieName = "istiotutor_learner";

    public string GetOrIssue(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(CookieName, out var secret) && SecretPattern().IsMatch(secret) && sessions.Find(secret) is { } known)
        {
            return known;
        }

        if (http.Request.Cookies.ContainsKey(LegacyCookieName))
        {
            http.Response.Cookies.Delete(LegacyCookieName, new CookieOptions { Path = "/" });
        }

        var (issued, userId) = sessions.Issue();
        http.Response.Cookies.Append(CookieName, issued, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
        });
        return userId;
    }

    // \z, not $: $ also matches before a final newline, so "secret\n" would pass.
    [GeneratedRegex(@"\A[A-Za-z0-9_-]{43}\z")]
    private static partial Regex SecretPattern();
}
