namespace IstioTutor.Mesh.Routing;

/// <summary>
/// What route matching sees of one HTTP request, independent of the route kind that matches it.
/// <see cref="Headers"/> keys are lower-case; <see cref="Query"/> holds the query string's parameters.
/// </summary>
public sealed record RouteRequest(
    string Path,
    string Method,
    string Scheme,
    string Authority,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    int Port,
    string SourceNamespace,
    IReadOnlyDictionary<string, string>? SourceLabels)
{
    /// <summary>Splits <paramref name="pathAndQuery"/> ("/a?b=c") into the path and its query parameters.</summary>
    public static (string Path, IReadOnlyDictionary<string, string> Query) SplitQuery(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var parts = pathAndQuery.Split('?', 2);
        var query = parts.Length > 1
            ? parts[1].Split('&').Select(q => q.Split('=', 2)).ToDictionary(q => q[0], q => q.Length > 1 ? q[1] : "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return (parts[0], query);
    }
}
