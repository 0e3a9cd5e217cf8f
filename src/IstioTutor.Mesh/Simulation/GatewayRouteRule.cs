using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Routing;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// One match of one rule of an HTTPRoute or GRPCRoute, as Istio flattens routes before ordering them
/// (one generated rule per match; a rule without matches matches every request and sorts last).
/// </summary>
internal sealed record GatewayRouteRule(ConfigObject Route, JsonObject Rule, int RuleIndex, HttpRouteMatch? Match)
{
    /// <summary>The rule's name when it has one ("name"), else its position (#0).</summary>
    public string DisplayName => JsonFields.Str(Rule["name"]) is { } n ? $"\"{n}\"" : $"#{RuleIndex}";

    public bool IsGrpc => Route.Kind == ResourceKinds.GrpcRoute.Kind;
}
