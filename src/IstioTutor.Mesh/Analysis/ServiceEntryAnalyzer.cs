using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>serviceentry/protocoladdresses.go: TCP (or unset) ports need addresses when auto-allocation is off (IST0134).</summary>
internal sealed class ServiceEntryAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        foreach (var entry in model.LocalOfKind("ServiceEntry"))
        {
            if (JsonFields.Strings(entry.Spec["addresses"]).Any())
            {
                continue;
            }

            var tcpPort = (entry.Spec["ports"] as JsonArray ?? []).OfType<JsonObject>()
                .Any(p => JsonFields.Str(p["protocol"]) is null or "" or "TCP");
            if (tcpPort)
            {
                yield return Messages.ServiceEntryAddressesRequired(entry.Reference);
            }
        }
    }
}
