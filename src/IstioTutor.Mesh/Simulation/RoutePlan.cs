namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// What the client-side proxy decided for a request, whichever API configured it (a VirtualService HTTP
/// rule today; an HTTPRoute rule maps onto the same shape): the matched rule, the weighted destinations,
/// the request policy, an answer given without any upstream (direct response, redirect), and the header
/// and path edits applied on the way.
/// </summary>
internal sealed record RoutePlan(string? RuleName, IReadOnlyList<RouteTarget> Targets, RequestPolicy Policy)
{
    /// <summary>Set when the proxy answers itself (VirtualService directResponse/redirect, HTTPRoute RequestRedirect).</summary>
    public DirectReply? Reply { get; init; }

    /// <summary>False when a configuration applied and no rule matched (404 NR); true with no configuration (default route).</summary>
    public bool Matched { get; init; } = true;

    public HeaderEdits RequestHeaders { get; init; } = HeaderEdits.None;

    /// <summary>The ambient waypoint that routes and authorizes the request (null: the client's sidecar, a gateway, or no proxy).</summary>
    public Model.ConfigObject? Waypoint { get; init; }

    public HeaderEdits ResponseHeaders { get; init; } = HeaderEdits.None;

    /// <summary>The path the upstream sees (a rewrite), or null to keep the client's.</summary>
    public string? RewritePath { get; init; }

    /// <summary>The Host/authority the upstream sees (a rewrite), or null to keep the client's.</summary>
    public string? RewriteAuthority { get; init; }

    public int TotalWeight { get; } = Targets.Sum(t => t.Weight);

    /// <summary>No destination to send to: no rule matched, or every weight is zero.</summary>
    public bool Unroutable => Targets.Count == 0 || (Targets.Count > 1 && TotalWeight == 0);

    /// <summary>The destination for a draw in [0, TotalWeight).</summary>
    public RouteTarget Pick(Random random)
    {
        if (Targets.Count == 1)
        {
            return Targets[0];
        }

        var pick = random.Next(TotalWeight);
        foreach (var t in Targets)
        {
            if (pick < t.Weight)
            {
                return t;
            }

            pick -= t.Weight;
        }

        return Targets[0];
    }
}

/// <summary>One weighted destination of a route: a host, optionally a DestinationRule subset, optionally a port.</summary>
internal sealed record RouteTarget(string Host, string? Subset, int? Port, int Weight)
{
    /// <summary>
    /// Why a Gateway API backendRef cannot be used (BackendNotFound, RefNotPermitted): Istio keeps its
    /// share of the weight and answers it with 500, as the Gateway API requires.
    /// </summary>
    public string? Invalid { get; init; }
}

/// <summary>An answer the proxy gives without an upstream: a status, an optional body and redirect location.</summary>
public sealed record DirectReply(int Status, string? Body, string? Location);
