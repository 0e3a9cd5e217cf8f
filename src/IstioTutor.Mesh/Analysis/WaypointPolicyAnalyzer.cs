using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Mesh.Analysis;

/// <summary>
/// Ambient policy mistakes, with the findings Istio gives for them (a selector on a waypoint's pods is
/// IST0166, reported by <c>KubernetesGatewaySelectorAnalyzer</c> for every Gateway API gateway): IST0171 for the WaypointAccepted=False condition istiod writes when a
/// policy's targetRefs name a waypoint, Service or GatewayClass that binds nothing (TargetNotFound,
/// AncestorNotBound, Invalid); and the ZtunnelAccepted=UnsupportedValue condition when ztunnel must enforce a
/// policy with HTTP rules because no waypoint is in the way (pilot/pkg/serviceregistry/ambient).
/// </summary>
internal sealed class WaypointPolicyAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        var ambient = new AmbientMesh(model);
        return model.LocalOfKind("AuthorizationPolicy").SelectMany(p => WaypointAccepted(model, ambient, p))
            .Concat(model.LocalOfKind("AuthorizationPolicy").SelectMany(p => ZtunnelAccepted(model, ambient, p)));
    }

    /// <summary>istiod's WaypointAccepted condition for a policy with targetRefs, reported when it is False or PartiallyInvalid.</summary>
    private static IEnumerable<AnalysisMessage> WaypointAccepted(MeshModel model, AmbientMesh ambient, ConfigObject policy)
    {
        var bindings = new List<(bool Bound, string Reason, string Message, string Key)>();
        foreach (var (group, kind, name, ns) in AmbientMesh.TargetRefs(policy))
        {
            var key = $"{ns}/{name}";
            switch (kind)
            {
                case "Gateway" when group == ResourceKinds.K8sGateway.Group:
                    var gateway = model.OfKind(ResourceKinds.K8sGateway).FirstOrDefault(g => g.Namespace == ns && g.Name == name);
                    if (gateway is not null && !AmbientMesh.IsWaypoint(gateway))
                    {
                        continue; // a policy for an ingress gateway: not a waypoint binding
                    }

                    bindings.Add(gateway is null ? (false, "TargetNotFound", "not bound", $"Gateway.{group}:{key}") : (true, "Accepted", $"bound to {key}", $"Gateway.{group}:{key}"));
                    break;
                case "Service" when group.Length == 0:
                    var service = model.Services.FirstOrDefault(s => !s.FromServiceEntry && s.Namespace == ns && s.Name == name);
                    var waypoint = service is null ? null : ambient.WaypointFor(service, out _);
                    bindings.Add(service is null ? (false, "TargetNotFound", $"Service {key} was not found", $"Service.core:{key}")
                        : waypoint is null ? (false, "AncestorNotBound", $"Service {key} is not bound to a waypoint", $"Service.core:{key}")
                        : (true, "Accepted", $"bound to {waypoint.Namespace}/{waypoint.Name}", $"Service.core:{key}"));
                    break;
                case "GatewayClass":
                    bindings.Add(policy.Namespace != MeshSnapshot.RootNamespace
                        ? (false, "Invalid", $"AuthorizationPolicy must be in the root namespace `{MeshSnapshot.RootNamespace}` when referencing a GatewayClass", $"GatewayClass.{group}:{key}")
                        : (true, "Accepted", $"bound to {name}", $"GatewayClass.{group}:{key}"));
                    break;
            }
        }

        if (bindings.Count == 0)
        {
            yield break;
        }

        if (bindings.Count == 1)
        {
            if (!bindings[0].Bound)
            {
                yield return AmbientMessages.NegativeConditionStatus(policy.Reference, "WaypointAccepted", bindings[0].Reason, bindings[0].Message);
            }

            yield break;
        }

        var unbound = bindings.Where(b => !b.Bound).Select(b => b.Key).ToList();
        if (unbound.Count > 0)
        {
            yield return AmbientMessages.NegativeConditionStatus(policy.Reference, "WaypointAccepted", unbound.Count == bindings.Count ? "Invalid" : "PartiallyInvalid", $"Invalid targetRefs: {string.Join(", ", unbound)}");
        }
    }

    /// <summary>A selector or namespace-wide policy with HTTP attributes that ztunnel enforces for ambient pods.</summary>
    private static IEnumerable<AnalysisMessage> ZtunnelAccepted(MeshModel model, AmbientMesh ambient, ConfigObject policy)
    {
        if (AmbientMesh.TargetRefs(policy).Count > 0)
        {
            yield break;
        }

        var selector = JsonFields.Labels(policy.Spec["selector"]?["matchLabels"]);
        var applies = model.Workloads.Any(w => w.Namespace == policy.Namespace && ambient.Captures(w) && w.Matches(selector))
            || (selector.Count == 0 && ambient.IsAmbientNamespace(policy.Namespace));
        var action = JsonFields.Str(policy.Spec["action"]) ?? "ALLOW";
        if (!applies || action is not ("ALLOW" or "DENY"))
        {
            yield break;
        }

        var rules = (policy.Spec["rules"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
        var found = rules.SelectMany(ZtunnelAuthorization.HttpAttributes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (found.Count == 0)
        {
            yield break;
        }

        var enforced = ZtunnelAuthorization.Enforced(policy);
        var remaining = (enforced?.Spec["rules"] as System.Text.Json.Nodes.JsonArray)?.Count ?? 0;
        var boilerplate = action == "DENY" && remaining == 0
            ? "After omitting unsupported HTTP attributes, this DENY policy has no enforceable rules at ztunnel and will have no effect. Deploy a waypoint proxy and use a targetRef to enforce this policy."
            : action == "DENY"
                ? "DENY policy with HTTP attributes is enforced without the HTTP rules. This will be more restrictive than requested."
                : "Within an ALLOW policy, rules matching HTTP attributes are omitted. This will be more restrictive than requested.";
        yield return AmbientMessages.ZtunnelUnsupportedHttp(policy.Reference, $"ztunnel does not support HTTP attributes (found: {string.Join(", ", found)}). In ambient mode you must use a waypoint proxy to enforce HTTP rules. {boilerplate}");
    }
}
