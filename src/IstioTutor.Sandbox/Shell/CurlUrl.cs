using System.Globalization;

namespace IstioTutor.Sandbox.Shell;

/// <summary>A URL as curl reads it: scheme optional (http), host, port (80/443 by default), path and query.</summary>
internal sealed record CurlUrl(string Original, string Scheme, string Host, int Port, string PathAndQuery, bool ExplicitPort)
{
    /// <summary>The Host header curl sends: the port only when it was written.</summary>
    public string Authority => ExplicitPort ? $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}" : Host;

    public static CurlUrl? Parse(string url)
    {
        var rest = url;
        var scheme = "http";
        var mark = url.IndexOf("://", StringComparison.Ordinal);
        if (mark >= 0)
        {
            scheme = url[..mark].ToLowerInvariant();
            rest = url[(mark + 3)..];
            if (scheme is not ("http" or "https"))
            {
                return null;
            }
        }

        var slash = rest.IndexOfAny(['/', '?']);
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "/" : rest[slash] == '?' ? "/" + rest[slash..] : rest[slash..];
        var colon = authority.LastIndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        var port = scheme == "https" ? 443 : 80;
        var explicitPort = false;
        if (colon >= 0)
        {
            if (!int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                return null;
            }

            explicitPort = true;
        }

        return host.Length == 0 || host.Length > 253 || host.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            ? null
            : new CurlUrl(url, scheme, host.ToLowerInvariant(), port, path, explicitPort);
    }
}
