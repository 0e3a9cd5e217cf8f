using System.Security.Claims;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// Where a reply may go: the <c>serviceurl</c> claim of a channel token must equal the activity's
/// <c>serviceUrl</c> (Bot Framework checks this too; the host does not rely on it alone), and a request
/// whose token names no service URL (no credentials configured, or an Emulator token) may only be
/// answered on a loopback address.
/// </summary>
internal static class ReplyServiceUrlRule
{
    /// <summary>The claim Bot Framework channel tokens carry (AuthenticationConstants.ServiceUrlClaim).</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Why a reply may not go to <paramref name="serviceUrl"/> for this caller, or null when it may.</summary>
    public static string? Refusal(string? serviceUrl, ClaimsIdentity? identity)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "the activity's serviceUrl is not an absolute http(s) URL";
        }

        var claim = identity?.Claims.FirstOrDefault(c => c.Type == ServiceUrlClaim)?.Value;
        if (!string.IsNullOrWhiteSpace(claim))
        {
            return string.Equals(claim.TrimEnd('/'), serviceUrl!.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
                ? null
                : "the activity's serviceUrl is not the one its token's serviceurl claim allows";
        }

        return url.IsLoopback ? null : "the request's token allows no serviceUrl, so replies may only go to a loopback address";
    }
}
