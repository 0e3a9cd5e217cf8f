using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Seeding;
using IstioTutor.Sandbox.Storage;

namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>
/// Istio's Gateway API controller in the sandbox (pilot/pkg/config/kube/gateway and gatewaycommon): keeps the
/// built-in GatewayClasses, deploys the proxy of each Istio-managed Gateway (its <c>-istio</c> Service,
/// ServiceAccount, Deployment and Pod), and writes the status istiod writes — GatewayClass Accepted, Gateway
/// Accepted/Programmed with addresses and per-listener conditions and attachedRoutes, and each route's
/// <c>status.parents</c>. Runs under the API's lock after every write it watches; writes only what changed.
/// The proxy Deployment goes through <c>deployWorkload</c>, the sandbox's seeding path, whose workload runtime gives it its pod.
/// </summary>
internal sealed class GatewayController(SandboxStore store, TimeProvider time, Action<SeededObject> deployWorkload)
{
    public const string Group = "gateway.networking.k8s.io";
    public const string GatewayNameLabel = "gateway.networking.k8s.io/gateway-name";
    public const string ManagedLabel = "gateway.istio.io/managed";

    private static readonly string[] RoutePlurals = ["httproutes", "grpcroutes", "tcproutes", "tlsroutes"];

    /// <summary>What istiod reacts to: Gateway API objects, Services and ServiceEntries (backends, mesh parents) and namespaces (labels select routes).</summary>
    public static bool Watches(ResourceKind kind) =>
        ResourceKinds.IsGatewayApi(kind.Group)
        || (kind.Group.Length == 0 && kind.Kind is "Service" or "Namespace")
        || (kind.Group == "networking.istio.io" && kind.Kind == "ServiceEntry");

    public void Reconcile()
    {
        var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var classes = ReconcileClasses(now);
        var gateways = store.List(Group, "gateways", null).ToList();
        var managed = new List<(JsonObject Gateway, BuiltinGatewayClass Class)>();
        foreach (var gateway in gateways)
        {
            var className = (string?)gateway["spec"]?["gatewayClassName"];
            if (className is not null && classes.TryGetValue(className, out var info))
            {
                managed.Add((gateway, info));
            }
        }

        ReconcileDeployments(managed.Where(m => m.Class.Deploys).ToList(), now);
        foreach (var gateway in gateways.Where(g => g["status"] is null && !managed.Any(m => m.Gateway == g)))
        {
            WriteStatus(Group, "gateways", gateway, Pending());
        }

        var namespaces = store.List("", "namespaces", "").ToList();
        var listeners = new Dictionary<string, IReadOnlyList<ParentListener>>(StringComparer.Ordinal);
        foreach (var (gateway, info) in managed.Where(m => m.Class.Deploys))
        {
            listeners[Key(gateway)] = GatewayStatus.ParentListeners(gateway, namespaces);
        }

        var world = new RouteWorld(
            listeners,
            store.List("", "services", null).Select(Key).ToHashSet(StringComparer.Ordinal),
            store.List("networking.istio.io", "serviceentries", null).ToList(),
            store.List(Group, "referencegrants", null).ToList());
        var attached = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var plural in RoutePlurals)
        {
            foreach (var route in store.List(Group, plural, null).ToList())
            {
                var result = RouteStatus.Evaluate(route, world);
                foreach (var listener in result.AttachedListeners)
                {
                    attached[listener] = attached.GetValueOrDefault(listener) + 1;
                }

                WriteStatus(Group, plural, route, new JsonObject { ["parents"] = RouteStatus.ParentsJson(route, result, now) });
            }
        }

        foreach (var (gateway, info) in managed)
        {
            var service = info.Deploys ? store.Find("", "services", Namespace(gateway), info.GeneratedName(Name(gateway))) : null;
            WriteStatus(Group, "gateways", gateway, GatewayStatus.Build(gateway, info, service, attached, now));
        }
    }

    private Dictionary<string, BuiltinGatewayClass> ReconcileClasses(string now)
    {
        foreach (var builtin in BuiltinGatewayClass.All)
        {
            if (store.Find(Group, "gatewayclasses", "", builtin.Name) is null)
            {
                store.Put(Group, "gatewayclasses", "", Stamp(new JsonObject
                {
                    ["apiVersion"] = $"{Group}/v1",
                    ["kind"] = "GatewayClass",
                    ["metadata"] = new JsonObject { ["name"] = builtin.Name, ["generation"] = 1L },
                    ["spec"] = new JsonObject { ["controllerName"] = builtin.Controller, ["description"] = builtin.Description },
                }, now));
            }
        }

        var byName = new Dictionary<string, BuiltinGatewayClass>(StringComparer.Ordinal);
        foreach (var gatewayClass in store.List(Group, "gatewayclasses", "").ToList())
        {
            if (BuiltinGatewayClass.ForController((string?)gatewayClass["spec"]?["controllerName"]) is not { } info)
            {
                if (gatewayClass["status"] is null)
                {
                    WriteStatus(Group, "gatewayclasses", gatewayClass, new JsonObject { ["conditions"] = new JsonArray(PendingCondition("Accepted")) });
                }

                continue;
            }

            byName[Name(gatewayClass)] = info;
            var conditions = StatusCondition.ToJson(
                [StatusCondition.True("Accepted", "Accepted", "Handled by Istio controller")],
                gatewayClass["status"]?["conditions"],
                Generation(gatewayClass),
                now);
            WriteStatus(Group, "gatewayclasses", gatewayClass, new JsonObject { ["conditions"] = conditions });
        }

        return byName;
    }

    /// <summary>Creates the proxy objects of each deployed Gateway and removes those whose Gateway is gone.</summary>
    private void ReconcileDeployments(List<(JsonObject Gateway, BuiltinGatewayClass Class)> deployed, string now)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (gateway, info) in deployed)
        {
            var ns = Namespace(gateway);
            var name = info.GeneratedName(Name(gateway));
            wanted.Add($"{ns}/{name}");
            var labels = new JsonObject
            {
                [GatewayNameLabel] = Name(gateway),
                ["gateway.networking.k8s.io/gateway-class-name"] = (string?)gateway["spec"]?["gatewayClassName"],
                [ManagedLabel] = info.ManagedLabel,
            };
            var selector = new JsonObject { [GatewayNameLabel] = Name(gateway) };
            var ports = GatewayStatus.ServicePorts(gateway);
            var owner = new JsonArray(new JsonObject
            {
                ["apiVersion"] = $"{Group}/v1",
                ["kind"] = "Gateway",
                ["name"] = Name(gateway),
                ["uid"] = (string?)gateway["metadata"]?["uid"],
            });
            // deploymentcontroller.go: the class's default type unless networking.istio.io/service-type overrides it
            // (istio.io's getting-started annotates ClusterIP on clusters without a load balancer).
            var annotated = (string?)gateway["metadata"]?["annotations"]?["networking.istio.io/service-type"];
            var type = annotated is "ClusterIP" or "NodePort" or "LoadBalancer"
                ? annotated
                : info.Controller == BuiltinGatewayClass.MeshController ? "ClusterIP" : "LoadBalancer";
            foreach (var seeded in SampleWorkloads.GatewayServiceAndAccount(ns, name, type, labels, selector, ports))
            {
                var existing = store.Find(seeded.Kind.Group, seeded.Kind.Plural, ns, name);
                if (seeded.Kind.Kind == "Service")
                {
                    var spec = (JsonObject)seeded.Object["spec"]!;
                    foreach (var (port, appProtocol) in ((JsonArray)spec["ports"]!).OfType<JsonObject>().Zip(GatewayStatus.AppProtocols(gateway)))
                    {
                        port["appProtocol"] = appProtocol;
                    }

                    if (type == "LoadBalancer")
                    {
                        seeded.Object["status"] = new JsonObject
                        {
                            ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = LoadBalancerIp(ns, name), ["ipMode"] = "VIP" }) },
                        };
                    }

                    if (existing is not null && JsonNode.DeepEquals(existing["spec"]?["ports"], spec["ports"]) && (string?)existing["spec"]?["type"] == type)
                    {
                        continue;
                    }
                }
                else if (existing is not null)
                {
                    continue;
                }

                seeded.Object["metadata"]!["ownerReferences"] = owner.DeepClone();
                Put(seeded, existing, now);
            }

            if (store.Find("apps", "deployments", ns, name) is null)
            {
                var proxyLabels = labels.DeepClone().AsObject();
                proxyLabels["service.istio.io/canonical-name"] = name;
                proxyLabels["sidecar.istio.io/inject"] = "false";
                foreach (var seeded in SampleWorkloads.GatewayProxy(ns, name, proxyLabels, ports))
                {
                    if (seeded.Kind.Kind == "Deployment")
                    {
                        seeded.Object["metadata"]!["ownerReferences"] = owner.DeepClone();
                        seeded.Object["spec"]!["selector"] = new JsonObject { ["matchLabels"] = selector.DeepClone() };
                        deployWorkload(seeded);
                    }
                    else
                    {
                        Put(seeded, null, now);
                    }
                }
            }
        }

        foreach (var (group, plural) in new[] { ("", "services"), ("", "serviceaccounts"), ("apps", "deployments"), ("", "pods") })
        {
            foreach (var obj in store.List(group, plural, null).ToList())
            {
                var labels = obj["metadata"]?["labels"] as JsonObject;
                if (labels?[ManagedLabel] is null || labels[GatewayNameLabel] is null)
                {
                    continue;
                }

                var owner = plural == "pods" ? OwnerDeployment(obj) : Name(obj);
                if (!wanted.Contains($"{Namespace(obj)}/{owner}"))
                {
                    store.Remove(group, plural, Namespace(obj), Name(obj));
                }
            }
        }
    }

    private static string OwnerDeployment(JsonObject pod)
    {
        // A pod is named deployment-hash-suffix; its ReplicaSet reference is deployment-hash.
        var replicaSet = (string?)(pod["metadata"]?["ownerReferences"] as JsonArray)?.FirstOrDefault()?["name"] ?? Name(pod);
        var dash = replicaSet.LastIndexOf('-');
        return dash > 0 ? replicaSet[..dash] : replicaSet;
    }

    private void Put(SeededObject seeded, JsonObject? existing, string now)
    {
        var metadata = (JsonObject)seeded.Object["metadata"]!;
        metadata["uid"] = (string?)existing?["metadata"]?["uid"] ?? Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = (string?)existing?["metadata"]?["creationTimestamp"] ?? now;
        if (seeded.Kind.Kind == "Deployment")
        {
            metadata["generation"] = 1L;
        }

        if (seeded.Kind.Kind == "Pod" && seeded.Object["status"] is JsonObject status)
        {
            status["startTime"] = now;
            foreach (var container in (status["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>())
            {
                container["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } };
            }
        }

        store.Put(seeded.Kind.Group, seeded.Kind.Plural, (string)metadata["namespace"]!, seeded.Object);
    }

    /// <summary>Writes a new status through the status subresource's rules: spec, metadata.generation untouched.</summary>
    private void WriteStatus(string group, string plural, JsonObject stored, JsonObject status)
    {
        if (JsonNode.DeepEquals(stored["status"], status))
        {
            return;
        }

        var updated = stored.DeepClone().AsObject();
        updated["status"] = status;
        store.Put(group, plural, Namespace(stored), updated);
    }

    /// <summary>The status the CRD schema defaults a new object to, which stays while no controller claims it.</summary>
    private static JsonObject Pending() => new() { ["conditions"] = new JsonArray(PendingCondition("Accepted"), PendingCondition("Programmed")) };

    private static JsonObject PendingCondition(string type) => new()
    {
        ["lastTransitionTime"] = "1970-01-01T00:00:00Z",
        ["message"] = "Waiting for controller",
        ["reason"] = "Pending",
        ["status"] = "Unknown",
        ["type"] = type,
    };

    private static JsonObject Stamp(JsonObject obj, string now)
    {
        var metadata = (JsonObject)obj["metadata"]!;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = now;
        return obj;
    }

    /// <summary>An address from the range a kind cluster's load balancer (MetalLB, cloud-provider-kind) hands out.</summary>
    private static string LoadBalancerIp(string ns, string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{ns}/{name}/lb"));
        return $"172.18.255.{1 + (bytes[0] % 254)}";
    }

    internal static string Name(JsonObject obj) => (string?)obj["metadata"]?["name"] ?? "";

    internal static string Namespace(JsonObject obj) => (string?)obj["metadata"]?["namespace"] ?? "";

    internal static string Key(JsonObject obj) => $"{Namespace(obj)}/{Name(obj)}";

    internal static long Generation(JsonObject obj) => obj["metadata"]?["generation"] is JsonValue v && v.TryGetValue<long>(out var l) ? l
        : obj["metadata"]?["generation"] is JsonValue w && w.TryGetValue<int>(out var i) ? i
        : long.TryParse(obj["metadata"]?["generation"]?.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;
}
