using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Sandbox.Seeding;

/// <summary>
/// The workloads a real Istio demo cluster would run: Bookinfo in every learner namespace and istiod
/// plus the ingress gateway in istio-system. Names and addresses derive from the namespace, so they are
/// stable across restarts. The <c>sandbox.istiotutor.io/*</c> annotations tell the traffic simulator
/// how each version behaves (which services it calls, which stars it shows).
/// </summary>
internal static class SampleWorkloads
{
    /// <summary>Annotation: comma-separated services this workload calls for each request.</summary>
    public const string CallsAnnotation = "sandbox.istiotutor.io/calls";

    /// <summary>Annotation: what the reviews version renders: none, black or red stars.</summary>
    public const string StarsAnnotation = "sandbox.istiotutor.io/stars";

    /// <summary>Annotation on objects the sandbox seeded (Bookinfo, istiod, the ingress gateway): they are read-only.</summary>
    public const string SeededAnnotation = "sandbox.istiotutor.io/seeded";

    public const string IstioVersion = "1.27.0";
    public const string BookinfoVersion = "1.20.3";

    private static readonly (string App, string Version, string Calls, string? Stars)[] Bookinfo =
    [
        ("productpage", "v1", "details,reviews", null),
        ("details", "v1", "", null),
        ("reviews", "v1", "", "none"),
        ("reviews", "v2", "ratings", "black"),
        ("reviews", "v3", "ratings", "red"),
        ("ratings", "v1", "", null),
    ];

    public static bool IsLearnerNamespace(string ns) => ns.StartsWith("learn-", StringComparison.Ordinal);

    /// <summary>The Namespace object for <paramref name="ns"/>, with sidecar injection on for learner namespaces.</summary>
    public static JsonObject Namespace(string ns, JsonObject? labels = null, JsonObject? annotations = null)
    {
        var allLabels = labels?.DeepClone().AsObject() ?? new JsonObject();
        allLabels["kubernetes.io/metadata.name"] = ns;
        if (IsLearnerNamespace(ns))
        {
            allLabels["istio-injection"] ??= "enabled";
        }

        var metadata = new JsonObject { ["name"] = ns, ["labels"] = allLabels };
        if (annotations is { Count: > 0 })
        {
            metadata["annotations"] = annotations.DeepClone();
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
            ["status"] = new JsonObject { ["phase"] = "Active" },
        };
    }

    public static IEnumerable<SeededObject> BookinfoIn(string ns)
    {
        foreach (var app in Bookinfo.Select(b => b.App).Distinct())
        {
            yield return new SeededObject(ResourceKinds.ServiceAccount, ServiceAccount(ns, $"bookinfo-{app}", new JsonObject { ["account"] = app }));
            yield return new SeededObject(ResourceKinds.Service, Service(ns, app, "ClusterIP", new JsonObject { ["app"] = app }, [("http", 9080, 9080)], new JsonObject { ["app"] = app, ["service"] = app }));
        }

        foreach (var (app, version, calls, stars) in Bookinfo)
        {
            var annotations = new JsonObject { [CallsAnnotation] = calls };
            if (stars is not null)
            {
                annotations[StarsAnnotation] = stars;
            }

            var image = $"docker.io/istio/examples-bookinfo-{app}-{version}:{BookinfoVersion}";
            foreach (var seeded in Workload(ns, $"{app}-{version}", new JsonObject { ["app"] = app, ["version"] = version }, $"bookinfo-{app}", image, [("http", 9080)], annotations, sidecar: true))
            {
                yield return seeded;
            }
        }
    }

    public static IEnumerable<SeededObject> IstioSystem()
    {
        const string ns = MeshSnapshot.RootNamespace;
        var istiodLabels = new JsonObject { ["app"] = "istiod", ["istio"] = "pilot", ["istio.io/rev"] = "default" };
        yield return new SeededObject(ResourceKinds.ServiceAccount, ServiceAccount(ns, "istiod", new JsonObject { ["app"] = "istiod" }));
        yield return new SeededObject(ResourceKinds.Service, Service(ns, "istiod", "ClusterIP", new JsonObject { ["app"] = "istiod", ["istio"] = "pilot" },
            [("grpc-xds", 15010, 15010), ("https-dns", 15012, 15012), ("https-webhook", 443, 15017), ("http-monitoring", 15014, 15014)], istiodLabels.DeepClone().AsObject()));
        foreach (var seeded in Workload(ns, "istiod", istiodLabels, "istiod", $"docker.io/istio/pilot:{IstioVersion}", [("grpc-xds", 15010), ("https-dns", 15012), ("https-webhook", 15017)], new JsonObject(), sidecar: false))
        {
            yield return seeded;
        }

        var gatewayLabels = new JsonObject { ["app"] = "istio-ingressgateway", ["istio"] = "ingressgateway" };
        yield return new SeededObject(ResourceKinds.ServiceAccount, ServiceAccount(ns, "istio-ingressgateway-service-account", gatewayLabels.DeepClone().AsObject()));
        yield return new SeededObject(ResourceKinds.Service, Service(ns, "istio-ingressgateway", "LoadBalancer", gatewayLabels.DeepClone().AsObject(),
            [("status-port", 15021, 15021), ("http2", 80, 8080), ("https", 443, 8443)], gatewayLabels.DeepClone().AsObject()));
        foreach (var seeded in Workload(ns, "istio-ingressgateway", gatewayLabels, "istio-ingressgateway-service-account", $"docker.io/istio/proxyv2:{IstioVersion}",
            [("status-port", 15021), ("http2", 8080), ("https", 8443)], new JsonObject(), sidecar: false))
        {
            yield return seeded;
        }
    }

    /// <summary>
    /// The proxy Deployment Istio's gateway controller deploys for a Gateway API Gateway, shaped like the seeded
    /// workloads; stored through the seeding path, the workload runtime gives it its pod.
    /// </summary>
    public static IEnumerable<SeededObject> GatewayProxy(string ns, string name, JsonObject labels, (string Name, int Port)[] ports) =>
        Workload(ns, name, labels, name, $"docker.io/istio/proxyv2:{IstioVersion}", ports, new JsonObject(), sidecar: false);

    /// <summary>The Service and ServiceAccount Istio generates beside a Gateway API Gateway's proxy.</summary>
    public static IEnumerable<SeededObject> GatewayServiceAndAccount(string ns, string name, string type, JsonObject labels, JsonObject selector, (string Name, int Port)[] ports)
    {
        yield return new SeededObject(ResourceKinds.ServiceAccount, ServiceAccount(ns, name, labels.DeepClone().AsObject()));
        yield return new SeededObject(ResourceKinds.Service, Service(ns, name, type, selector, ports.Select(p => (p.Name, p.Port, p.Port)).ToArray(), labels.DeepClone().AsObject()));
    }

    private static JsonObject ServiceAccount(string ns, string name, JsonObject labels) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = labels },
    };

    private static JsonObject Service(string ns, string name, string type, JsonObject selector, (string Name, int Port, int Target)[] ports, JsonObject labels)
    {
        var clusterIp = Address(ns, name, "10.96");
        var spec = new JsonObject
        {
            ["type"] = type,
            ["clusterIP"] = clusterIp,
            ["clusterIPs"] = new JsonArray(clusterIp),
            ["selector"] = selector,
            ["ports"] = new JsonArray(ports.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["port"] = p.Port,
                ["protocol"] = "TCP",
                ["targetPort"] = p.Target,
            }).ToArray()),
            ["sessionAffinity"] = "None",
        };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = labels },
            ["spec"] = spec,
            ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() },
        };
    }

    /// <summary>A one-replica Deployment; <see cref="Workloads.WorkloadRuntime"/> gives it its pod (with the sidecar where injected).</summary>
    private static IEnumerable<SeededObject> Workload(string ns, string name, JsonObject labels, string serviceAccount, string image, (string Name, int Port)[] ports, JsonObject annotations, bool sidecar)
    {
        var appName = (string?)labels["app"] ?? name;
        var container = new JsonObject
        {
            ["name"] = sidecar ? appName : (image.Contains("/proxyv2:", StringComparison.Ordinal) ? "istio-proxy" : "discovery"),
            ["image"] = image,
            ["imagePullPolicy"] = "IfNotPresent",
            ["ports"] = new JsonArray(ports.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["containerPort"] = p.Port, ["protocol"] = "TCP" }).ToArray()),
        };
        var deployment = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = labels.DeepClone(),
                ["annotations"] = annotations.DeepClone(),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 1,
                ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone(), ["annotations"] = annotations.DeepClone() },
                    ["spec"] = new JsonObject
                    {
                        ["serviceAccountName"] = serviceAccount,
                        ["containers"] = new JsonArray(container),
                    },
                },
            },
        };
        yield return new SeededObject(ResourceKinds.Deployment, deployment);
    }

    /// <summary>The cluster IP a Service gets: stable for its namespace and name, in the service range.</summary>
    public static string ServiceAddress(string ns, string name) => Address(ns, name, "10.96");

    private static string Address(string ns, string name, string prefix)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(ns + "/" + name));
        return $"{prefix}.{bytes[0]}.{1 + (bytes[1] % 254)}";
    }
}
