using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>virtualservice/destinationhosts.go and destinationrules.go: hosts, ports and subsets a route names must exist.</summary>
internal sealed class VirtualServiceDestinationAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        foreach (var vs in model.LocalOfKind("VirtualService"))
        {
            foreach (var destination in Destinations.Of(vs.Spec))
            {
                var host = JsonFields.Str(destination["host"]);
                if (host is null)
                {
                    continue;
                }

                var fqdn = HostName.Resolve(host, vs.Namespace);
                var service = model.FindService(fqdn);
                if (service is null)
                {
                    if (!model.HostExists(fqdn))
                    {
                        yield return Messages.ReferencedResourceNotFound(vs.Reference, "host", host);
                    }

                    continue;
                }

                var port = JsonFields.Int(destination["port"]?["number"]);
                if (port is null && service.Ports.Count > 1 && !service.FromServiceEntry)
                {
                    yield return Messages.VirtualServiceDestinationPortSelectorRequired(vs.Reference, host, service.Ports.Select(p => p.Port));
                }
                else if (port is not null && service.Ports.Count > 0 && service.Ports.All(p => p.Port != port))
                {
                    yield return Messages.ReferencedResourceNotFound(vs.Reference, "host:port", $"{host}:{port}");
                }

                var subset = JsonFields.Str(destination["subset"]);
                if (subset is not null && !Destinations.RulesFor(model, fqdn, vs.Namespace).Any(dr => HasSubset(dr, subset)))
                {
                    yield return Messages.ReferencedResourceNotFound(vs.Reference, "host+subset in destinationrule", $"{host}+{subset}");
                }
            }
        }
    }

    private static bool HasSubset(ConfigObject dr, string subset) =>
        (dr.Spec["subsets"] as JsonArray ?? []).OfType<JsonObject>().Any(s => JsonFields.Str(s["name"]) == subset);
}
