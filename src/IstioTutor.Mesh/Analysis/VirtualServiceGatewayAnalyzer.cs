using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>virtualservice/gateways.go: a bound Gateway (Istio's, else the Gateway API's of that name) must exist (IST0101) and serve one of the VirtualService's hosts (IST0132).</summary>
internal sealed class VirtualServiceGatewayAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        foreach (var vs in model.LocalOfKind("VirtualService"))
        {
            var hosts = JsonFields.Strings(vs.Spec["hosts"]).ToList();
            var gatewayNames = JsonFields.Strings(vs.Spec["gateways"])
                .Concat((vs.Spec["http"] as JsonArray ?? []).SelectMany(r => (r?["match"] as JsonArray ?? []).SelectMany(m => JsonFields.Strings(m?["gateways"]))))
                .Where(g => g != "mesh")
                .Distinct(StringComparer.Ordinal);
            foreach (var name in gatewayNames)
            {
                var (ns, gwName) = Split(name, vs.Namespace);
                var gateway = model.OfKind("Gateway").FirstOrDefault(g => g.Namespace == ns && g.Name == gwName);
                if (gateway is null)
                {
                    // gateways.go falls back to a Gateway API Gateway of that name, matched on its listeners' hostnames.
                    var kubernetesGateway = model.OfKind(ResourceKinds.K8sGateway).FirstOrDefault(g => g.Namespace == ns && g.Name == gwName);
                    if (kubernetesGateway is null)
                    {
                        yield return Messages.ReferencedResourceNotFound(vs.Reference, "gateway", name);
                    }
                    else if (!InKubernetesGateway(kubernetesGateway, hosts))
                    {
                        yield return Messages.VirtualServiceHostNotFoundInGateway(vs.Reference, hosts, $"{vs.Namespace}/{vs.Name}", $"{ns}/{gwName}");
                    }

                    continue;
                }

                var serverHosts = (gateway.Spec["servers"] as JsonArray ?? []).OfType<JsonObject>()
                    .SelectMany(s => JsonFields.Strings(s["hosts"]))
                    .Select(h => h.Contains('/', StringComparison.Ordinal) ? h[(h.IndexOf('/', StringComparison.Ordinal) + 1)..] : h)
                    .ToList();
                if (hosts.Count > 0 && !hosts.Any(h => serverHosts.Any(s => HostName.Matches(h, s))))
                {
                    yield return Messages.VirtualServiceHostNotFoundInGateway(vs.Reference, hosts, $"{vs.Namespace}/{vs.Name}", $"{ns}/{gwName}");
                }
            }
        }
    }

    /// <summary>vsHostInKubernetesGateway: a listener without a hostname serves every host.</summary>
    private static bool InKubernetesGateway(ConfigObject gateway, IReadOnlyList<string> hosts)
    {
        var listenerHosts = (gateway.Spec["listeners"] as JsonArray ?? []).OfType<JsonObject>().Select(l => JsonFields.Str(l["hostname"]) ?? "").ToList();
        return listenerHosts.Any(h => h.Length == 0) || listenerHosts.Any(h => hosts.Any(vsHost => HostName.Matches(h, vsHost)));
    }

    internal static (string Namespace, string Name) Split(string gateway, string defaultNamespace)
    {
        var slash = gateway.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return (gateway[..slash], gateway[(slash + 1)..]);
        }

        // Legacy "name.namespace[.svc.cluster.local]" form.
        var parts = gateway.Split('.');
        return parts.Length >= 2 ? (parts[1], parts[0]) : (defaultNamespace, gateway);
    }
}
