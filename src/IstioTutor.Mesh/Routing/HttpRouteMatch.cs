using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Routing;

/// <summary>
/// One match condition of an HTTP route, typed: every field given must hold (absent fields hold for any
/// request). <see cref="FromVirtualService"/> reads a VirtualService <c>HTTPMatchRequest</c>; other
/// route kinds build the same record.
/// </summary>
public sealed record HttpRouteMatch
{
    public StringMatch? Uri { get; init; }

    public bool IgnoreUriCase { get; init; }

    public StringMatch? Method { get; init; }

    public StringMatch? Scheme { get; init; }

    public StringMatch? Authority { get; init; }

    /// <summary>Header name (any case) to its match; a null match requires only that the header be present.</summary>
    public IReadOnlyDictionary<string, StringMatch?> Headers { get; init; } = new Dictionary<string, StringMatch?>();

    /// <summary>Headers that must be absent, or present with a value the match rejects.</summary>
    public IReadOnlyDictionary<string, StringMatch?> WithoutHeaders { get; init; } = new Dictionary<string, StringMatch?>();

    public IReadOnlyDictionary<string, StringMatch?> QueryParams { get; init; } = new Dictionary<string, StringMatch?>();

    public int? Port { get; init; }

    public string? SourceNamespace { get; init; }

    public IReadOnlyDictionary<string, string> SourceLabels { get; init; } = new Dictionary<string, string>();

    public static HttpRouteMatch FromVirtualService(JsonObject match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new HttpRouteMatch
        {
            Uri = StringMatch.FromJson(match["uri"]),
            IgnoreUriCase = match["ignoreUriCase"]?.GetValue<bool>() == true,
            Method = StringMatch.FromJson(match["method"]),
            Scheme = StringMatch.FromJson(match["scheme"]),
            Authority = StringMatch.FromJson(match["authority"]),
            Headers = Matches(match["headers"]),
            WithoutHeaders = Matches(match["withoutHeaders"]),
            QueryParams = Matches(match["queryParams"]),
            Port = JsonFields.Int(match["port"]),
            SourceNamespace = JsonFields.Str(match["sourceNamespace"]),
            SourceLabels = JsonFields.Labels(match["sourceLabels"]),
        };
    }

    public bool Matches(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Holds(Uri, request.Path, IgnoreUriCase)
            && Holds(Method, request.Method)
            && Holds(Scheme, request.Scheme)
            && Holds(Authority, request.Authority)
            && Headers.All(h => request.Headers.TryGetValue(h.Key.ToLowerInvariant(), out var v) && Holds(h.Value, v))
            && WithoutHeaders.All(h => !request.Headers.TryGetValue(h.Key.ToLowerInvariant(), out var v) || !Holds(h.Value, v))
            && QueryParams.All(q => request.Query.TryGetValue(q.Key, out var v) && Holds(q.Value, v))
            && (Port is not { } port || port == request.Port)
            && (SourceNamespace is not { } ns || ns == request.SourceNamespace)
            && (SourceLabels.Count == 0 || (request.SourceLabels is { } labels && SourceLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)));
    }

    private static bool Holds(StringMatch? match, string value, bool ignoreCase = false) => match is null || match.Matches(value, ignoreCase);

    private static Dictionary<string, StringMatch?> Matches(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => StringMatch.FromJson(p.Value), StringComparer.Ordinal);
}
