namespace IstioTutor.Core.Mesh.Istio;

/// <summary>
/// Istio host names: short-name resolution against the config's namespace (Kubernetes DNS rules, as
/// istiod applies them to VirtualService/DestinationRule hosts) and wildcard matching (host.Name).
/// </summary>
public static class HostName
{
    public const string ClusterDomain = "svc.cluster.local";

    /// <summary>"reviews" in learn-a → "reviews.learn-a.svc.cluster.local"; "reviews.other" → "reviews.other.svc.cluster.local".</summary>
    public static string Resolve(string host, string configNamespace)
    {
        if (host.StartsWith('*') || host.Contains('.', StringComparison.Ordinal) && host.Count(c => c == '.') >= 2 || System.Net.IPAddress.TryParse(host, out _))
        {
            return host;
        }

        return host.Contains('.', StringComparison.Ordinal) ? $"{host}.{ClusterDomain}" : $"{host}.{configNamespace}.{ClusterDomain}";
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
