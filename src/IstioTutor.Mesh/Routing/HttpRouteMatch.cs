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

    /// <summary>
    /// A Gateway API <c>HTTPRouteMatch</c> as Istio converts it: path (PathPrefix by default, "/" when
    /// absent; a trailing "/" of a prefix ignored), headers and query parameters (Exact by default or
    /// RegularExpression) and method (exact).
    /// </summary>
    public static HttpRouteMatch FromHttpRoute(JsonObject match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var path = match["path"] as JsonObject;
        var type = JsonFields.Str(path?["type"]) ?? "PathPrefix";
        var value = JsonFields.Str(path?["value"]) ?? "/";
        var uri = type switch
        {
            "Exact" => new StringMatch(StringMatchKind.Exact, value),
            "RegularExpression" => new StringMatch(StringMatchKind.Regex, value),
            _ => new StringMatch(StringMatchKind.PathPrefix, value == "/" ? value : value.TrimEnd('/')),
        };
        return new HttpRouteMatch
        {
            Uri = uri,
            Method = JsonFields.Str(match["method"]) is { } method ? new StringMatch(StringMatchKind.Exact, method) : null,
            Headers = NameValueMatches(match["headers"]),
            QueryParams = NameValueMatches(match["queryParams"]),
        };
    }

    /// <summary>
    /// A Gateway API <c>GRPCRouteMatch</c>: gRPC calls are POSTs to /Service/Method, matched as Istio
    /// converts them (service alone → prefix "/Service/", method alone → any service).
    /// </summary>
    public static HttpRouteMatch FromGrpcRoute(JsonObject match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var method = match["method"] as JsonObject;
        var service = JsonFields.Str(method?["service"]);
        var name = JsonFields.Str(method?["method"]);
        var regex = JsonFields.Str(method?["type"]) == "RegularExpression";
        StringMatch? uri = (service, name) switch
        {
            (null, null) => null,
            ({ } s, null) => regex ? new(StringMatchKind.Regex, $"/{s}/.+") : new(StringMatchKind.Prefix, $"/{s}/"),
            (null, { } m) => new(StringMatchKind.Regex, $"/[^/]+/{(regex ? m : System.Text.RegularExpressions.Regex.Escape(m))}"),
            ({ } s, { } m) => regex ? new(StringMatchKind.Regex, $"/{s}/{m}") : new(StringMatchKind.Exact, $"/{s}/{m}"),
        };
        return new HttpRouteMatch { Uri = uri, Headers = NameValueMatches(match["headers"]) };
    }

    /// <summary>Gateway API precedence keys of the URI match: Exact (3) > prefix (2) > regex (1) > none, then its length.</summary>
    public (int Rank, int Length) UriRank => Uri switch
    {
        null => (-1, 0),
        { Kind: StringMatchKind.Exact } u => (3, u.Value.Length),
        { Kind: StringMatchKind.Prefix or StringMatchKind.PathPrefix } u => (2, u.Value.Length),
        { Kind: StringMatchKind.Regex } u => (1, u.Value.Length),
        _ => (-1, 0),
    };

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

    /// <summary>A Gateway API list of <c>{name, value, type}</c> (Exact unless RegularExpression).</summary>
    private static Dictionary<string, StringMatch?> NameValueMatches(JsonNode? node) =>
        (node as JsonArray ?? []).OfType<JsonObject>()
            .Where(h => JsonFields.Str(h["name"]) is not null)
            .DistinctBy(h => JsonFields.Str(h["name"])!.ToLowerInvariant())
            .ToDictionary(
                h => JsonFields.Str(h["name"])!,
                h => (StringMatch?)new StringMatch(JsonFields.Str(h["type"]) == "RegularExpression" ? StringMatchKind.Regex : StringMatchKind.Exact, JsonFields.Str(h["value"]) ?? ""),
                StringComparer.Ordinal);

    private static Dictionary<string, StringMatch?> Matches(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => StringMatch.FromJson(p.Value), StringComparer.Ordinal);
}
