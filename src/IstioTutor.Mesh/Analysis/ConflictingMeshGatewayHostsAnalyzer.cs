using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>virtualservice/conflictingmeshgatewayhosts.go: two mesh-bound VirtualServices for one host (IST0109).</summary>
internal sealed class ConflictingMeshGatewayHostsAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        var byHost = model.OfKind("VirtualService")
            .Where(vs => vs.Namespace == model.Namespace || vs.Namespace == MeshSnapshot.RootNamespace)
            .Where(vs => JsonFields.Strings(vs.Spec["gateways"]).ToList() is var g && (g.Count == 0 || g.Contains("mesh")))
            .SelectMany(vs => JsonFields.Strings(vs.Spec["hosts"]).Select(h => (host: HostName.Resolve(h, vs.Namespace), vs)))
            .GroupBy(x => x.host, StringComparer.OrdinalIgnoreCase);
        foreach (var group in byHost)
        {
            var services = group.Select(x => x.vs).DistinctBy(v => (v.Namespace, v.Name)).ToList();
            if (services.Count < 2)
            {
                continue;
            }

            var names = string.Join(",", services.Select(v => $"{v.Namespace}/{v.Name}"));
            foreach (var vs in services.Where(v => v.Namespace == model.Namespace))
            {
                yield return Messages.ConflictingMeshGatewayVirtualServiceHosts(vs.Reference, names, group.Key);
            }
        }
    }
}
