using IstioTutor.Mesh.Model;
using static IstioTutor.Mesh.Model.JsonFields;

namespace IstioTutor.Sandbox.Pods;

/// <summary>Pod and Service addresses of a snapshot, for access log lines and curl's -v (the simulator itself works with names).</summary>
internal sealed class MeshAddresses
{
    private readonly Dictionary<string, string> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _services = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _targetPorts = new(StringComparer.OrdinalIgnoreCase);

    public MeshAddresses(MeshSnapshot snapshot)
    {
        foreach (var pod in snapshot.Pods.Concat(snapshot.RootNamespacePods))
        {
            if (Str(pod["metadata"]?["name"]) is { } name && Str(pod["status"]?["podIP"]) is { } ip)
            {
                _pods[$"{Str(pod["metadata"]?["namespace"])}/{name}"] = ip;
            }
        }

        foreach (var service in snapshot.Services.Concat(snapshot.RootNamespaceServices))
        {
            if (Str(service["metadata"]?["name"]) is { } name && Str(service["spec"]?["clusterIP"]) is { } ip)
            {
                var fqdn = HostName.ServiceFqdn(name, Str(service["metadata"]?["namespace"]) ?? snapshot.Namespace);
                _services[fqdn] = ip;
                foreach (var port in (service["spec"]?["ports"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>())
                {
                    if (Int(port["port"]) is { } number)
                    {
                        _targetPorts[$"{fqdn}:{number}"] = Int(port["targetPort"]) ?? number;
                    }
                }
            }
        }
    }

    public string Pod(WorkloadInfo pod) => _pods.GetValueOrDefault($"{pod.Namespace}/{pod.Name}") ?? (pod.HasSidecar ? "10.244.0.1" : pod.Name);

    /// <summary>The container port a Service port forwards to (the port itself when unknown).</summary>
    public int TargetPort(string? fqdn, int port) => _targetPorts.GetValueOrDefault($"{fqdn}:{port}", port);

    public string? Service(string? fqdn) => fqdn is null ? null : _services.GetValueOrDefault(fqdn);
}
