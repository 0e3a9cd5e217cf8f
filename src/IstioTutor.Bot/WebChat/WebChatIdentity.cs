using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace IstioTutor.Bot.WebChat;

/// <summary>
/// The web page's learner identity: a random id the host issues in an HttpOnly, SameSite=Strict cookie.
/// The page never chooses it, so a page cannot claim another door's learner; a malformed cookie is
/// replaced by a new id rather than trusted.
/// </summary>
internal static partial class WebChatIdentity
{
    public const string CookieName = "istiotutor_learner";

    public static string GetOrIssue(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(CookieName, out var existing) && IdPattern().IsMatch(existing))
        {
            return existing;
        }

        var id = "web-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        http.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
        });
        return id;
    }

    [GeneratedRegex("^web-[0-9a-f]{16}$")]
    private static partial Regex IdPattern();
}
