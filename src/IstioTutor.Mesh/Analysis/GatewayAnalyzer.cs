using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>
/// gateway/gateway.go and conflictinggateway.go: a Gateway must select gateway pods (IST0101 selector);
/// two Gateways may not claim the same port and host (IST0145). As in istioctl (without
/// PILOT_SCOPE_GATEWAY_TO_NAMESPACE) the selector matches pods in any namespace the snapshot carries —
/// the learner's and the root namespace's, where the shared ingress gateway runs.
/// </summary>
internal sealed class GatewayAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        var gateways = model.OfKind("Gateway").ToList();
        foreach (var gateway in gateways.Where(g => g.Namespace == model.Namespace))
        {
            var selector = JsonFields.Labels(gateway.Spec["selector"]);
            if (selector.Count > 0 && !model.Workloads.Any(w => w.Matches(selector)))
            {
                yield return Messages.ReferencedResourceNotFound(gateway.Reference, "selector", Messages.FormatLabels(selector));
            }

            foreach (var other in gateways.Where(o => o != gateway))
            {
                var otherSelector = JsonFields.Labels(other.Spec["selector"]);
                if (Messages.FormatLabels(selector) != Messages.FormatLabels(otherSelector))
                {
                    continue;
                }

                foreach (var (port, hosts) in Servers(gateway))
                {
                    var clash = Servers(other).Where(o => o.Port == port).SelectMany(o => o.Hosts).Where(h => hosts.Any(m => HostName.Matches(h, m))).ToList();
                    if (clash.Count > 0)
                    {
                        yield return Messages.ConflictingGateways(gateway.Reference, $"{other.Namespace}/{other.Name}", Messages.FormatLabels(selector), port.ToString(System.Globalization.CultureInfo.InvariantCulture), clash);
                    }
                }
            }
        }
    }

    private static IEnumerable<(int Port, List<string> Hosts)> Servers(ConfigObject gateway) =>
        (gateway.Spec["servers"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(s => (JsonFields.Int(s["port"]?["number"]) ?? 0, JsonFields.Strings(s["hosts"]).Select(h => h.Contains('/', StringComparison.Ordinal) ? h[(h.IndexOf('/', StringComparison.Ordinal) + 1)..] : h).ToList()));
}
