using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Tests.Mesh;

/// <summary>The Bookinfo namespace the sandbox seeds, as raw Kubernetes JSON, plus YAML-free config helpers.</summary>
internal static class Bookinfo
{
    public const string Ns = "learn-alice";

    public static JsonObject Pod(string app, string version, bool sidecar = true, string ns = Ns, string? name = null, string? extraLabel = null)
    {
        var containers = new JsonArray(new JsonObject { ["name"] = app });
        if (sidecar)
        {
            containers.Add(new JsonObject { ["name"] = "istio-proxy" });
        }

        var labels = new JsonObject { ["app"] = app, ["version"] = version };
        if (extraLabel is not null)
        {
            labels[extraLabel.Split('=')[0]] = extraLabel.Split('=')[1];
        }

        return new JsonObject
        {
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = name ?? $"{app}-{version}-0", ["namespace"] = ns, ["labels"] = labels },
            ["spec"] = new JsonObject { ["serviceAccountName"] = $"bookinfo-{app}", ["containers"] = containers },
        };
    }

    public static JsonObject Service(string app) =>
        Config("""{"kind":"Service","metadata":{"name":"APP","namespace":"NS"},"spec":{"selector":{"app":"APP"},"ports":[{"name":"http","port":9080,"targetPort":9080}]}}""".Replace("APP", app, StringComparison.Ordinal));

    /// <summary>An Istio object from JSON with NS standing for the learner namespace.</summary>
    public static JsonObject Config(string json) => JsonNode.Parse(json.Replace("NS", Ns, StringComparison.Ordinal))!.AsObject();

    public static MeshSnapshot Snapshot(params JsonObject[] config) => Snapshot(config, []);

    public static MeshSnapshot Snapshot(JsonObject[] config, JsonObject[] rootConfig, params JsonObject[] extraPods) =>
        new(
            Ns,
            config,
            [Service("productpage"), Service("details"), Service("reviews"), Service("ratings")],
            [
                Pod("productpage", "v1"), Pod("details", "v1"), Pod("reviews", "v1"), Pod("reviews", "v2"), Pod("reviews", "v3"), Pod("ratings", "v1"),
                .. extraPods,
            ],
            [
                Config("""{"kind":"Namespace","metadata":{"name":"NS","labels":{"istio-injection":"enabled"}}}"""),
                JsonNode.Parse("""{"kind":"Namespace","metadata":{"name":"istio-system"}}""")!.AsObject(),
            ],
            rootConfig)
        {
            // As KubernetesMeshCluster snapshots it: the shared ingress gateway lives in the root namespace.
            RootNamespaceServices =
            [
                JsonNode.Parse("""{"kind":"Service","metadata":{"name":"istio-ingressgateway","namespace":"istio-system"},"spec":{"selector":{"app":"istio-ingressgateway","istio":"ingressgateway"},"ports":[{"name":"http2","port":80,"targetPort":8080}]}}""")!.AsObject(),
            ],
            RootNamespacePods = [Pod("istio-ingressgateway", "v1", ns: MeshSnapshot.RootNamespace, name: "istio-ingressgateway-0", extraLabel: "istio=ingressgateway")],
        };

    public const string ReviewsSubsets = """{"kind":"DestinationRule","metadata":{"name":"reviews","namespace":"NS"},"spec":{"host":"reviews","subsets":[{"name":"v1","labels":{"version":"v1"}},{"name":"v2","labels":{"version":"v2"}},{"name":"v3","labels":{"version":"v3"}}]}}""";
}
