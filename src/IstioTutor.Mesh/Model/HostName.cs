namespace IstioTutor.Mesh.Model;

/// <summary>
/// Istio host names: short-name resolution against the config's namespace (Kubernetes DNS rules, as
/// istiod applies them to VirtualService/DestinationRule hosts) and wildcard matching (host.Name).
/// </summary>
public static class HostName
{
    public const string ClusterDomain = "svc.cluster.local";

    /// <summary>
    /// A host written in Istio config, as istiod reads it (config.ResolveShortnameToFQDN): only a short
    /// name without dots is qualified with the config's namespace ("reviews" in learn-a →
    /// "reviews.learn-a.svc.cluster.local"); "*", IP addresses and every dotted name ("httpbin.org",
    /// "reviews.other") are taken as written.
    /// </summary>
    public static string Resolve(string host, string configNamespace)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Length == 0 || host == "*" || host.Contains('.', StringComparison.Ordinal) || System.Net.IPAddress.TryParse(host, out _))
        {
            return host;
        }

        return $"{host}.{configNamespace}.{ClusterDomain}";
    }

    /// <summary>
    /// The names a client pod's resolver tries for a host it calls, in order: Kubernetes' search path
    /// (NS.svc.cluster.local, svc.cluster.local, cluster.local; ndots:5, so any name with fewer than five
    /// dots goes through it first), then the name as written. Unlike config hosts, "reviews.other" from a
    /// pod reaches reviews in namespace other.
    /// </summary>
    public static IReadOnlyList<string> ClientCandidates(string host, string clientNamespace)
    {
        ArgumentNullException.ThrowIfNull(host);
        var trimmed = host.TrimEnd('.');
        if (host.EndsWith('.') || trimmed.Count(c => c == '.') >= 5 || System.Net.IPAddress.TryParse(trimmed, out _))
        {
            return [trimmed];
        }

        return [$"{trimmed}.{clientNamespace}.{ClusterDomain}", $"{trimmed}.{ClusterDomain}", $"{trimmed}.cluster.local", trimmed];
    }

    public static string ServiceFqdn(string name, string ns) => $"{name}.{ns}.{ClusterDomain}";

    public static bool IsWildcard(string host) => host.StartsWith('*');

    /// <summary>True when the two names overlap: identical, or one wildcard covers the other.</summary>
    public static bool Matches(string a, string b) => SubsetOf(a, b) || SubsetOf(b, a);

    /// <summary>True when every name matched by <paramref name="a"/> is matched by <paramref name="b"/>.</summary>
    public static bool SubsetOf(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase) || b == "*")
        {
            return true;
        }

        if (!IsWildcard(b))
        {
            return false;
        }

        var suffix = b[1..];
        return a.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && (IsWildcard(a) ? a[1..].Length >= suffix.Length : a.Length > suffix.Length);
    }
}
