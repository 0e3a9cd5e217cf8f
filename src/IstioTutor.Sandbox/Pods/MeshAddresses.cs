using IstioTutor.Mesh.Model;
using static IstioTutor.Mesh.Model.JsonFields;

namespace IstioTutor.Sandbox.Pods;

/// <summary>Pod and Service addresses of a snapshot, for access log lines and curl's -v (the simulator itself works with names).</summary>
internal sealed class MeshAddresses
{
    private readonly Dictionary<string, string> pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> services = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> targetPorts = new(StringComparer.OrdinalIgnoreCase);

    public MeshAddresses(MeshSnapshot snapshot)
    {
        foreach (var pod in snapshot.Pods.Concat(snapshot.RootNamespacePods))
        {
            if (Str(pod["metadata"]?["name"]) is { } name && Str(pod["status"]?["podIP"]) is { } ip)
            {
                pods[$"{Str(pod["metadata"]?["namespace"])}/{name}"] = ip;
            }
        }

        foreach (var service in snapshot.Services.Concat(snapshot.RootNamespaceServices))
        {
            if (Str(service["metadata"]?["name"]) is { } name && Str(service["spec"]?["clusterIP"]) is { } ip)
            {
                var fqdn = HostName.ServiceFqdn(name, Str(service["metadata"]?["namespace"]) ?? snapshot.Namespace);
                services[fqdn] = ip;
                foreach (var port in (service["spec"]?["ports"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>())
                {
                    if (Int(port["port"]) is { } number)
                    {
                        targetPorts[$"{fqdn}:{number}"] = Int(port["targetPort"]) ?? number;
                    }
                }
            }
        }
    }

    public string Pod(WorkloadInfo pod) => pods.GetValueOrDefault($"{pod.Namespace}/{pod.Name}") ?? (pod.HasSidecar ? "10.244.0.1" : pod.Name);

    /// <summary>The container port a Service port forwards to (the port itself when unknown).</summary>
    public int TargetPort(string? fqdn, int port) => targetPorts.GetValueOrDefault($"{fqdn}:{port}", port);

    public string? Service(string? fqdn) => fqdn is null ? null : services.GetValueOrDefault(fqdn);
}
