using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Tests.Mesh;

/// <summary>
/// Bookinfo with the per-version Services of Istio's bookinfo-versions.yaml (reviews-v1..v3), in a
/// sidecar namespace or an ambient one (pods without sidecars, the namespace labelled
/// istio.io/dataplane-mode=ambient), plus a sleep client; Gateway API objects written as JSON with NS for the namespace.
/// </summary>
internal static class GatewayApiBookinfo
{
    public const string Ns = Bookinfo.Ns;

    public static MeshSnapshot Snapshot(bool ambient, params string[] config) => Snapshot(ambient, config, []);

    public static MeshSnapshot Snapshot(bool ambient, string[] config, JsonObject[] extraPods, string? namespaceLabels = null)
    {
        var sidecar = !ambient;
        var labels = namespaceLabels ?? (ambient ? """{"istio.io/dataplane-mode":"ambient"}""" : """{"istio-injection":"enabled"}""");
        return new MeshSnapshot(
            Ns,
            [.. config.Select(Bookinfo.Config)],
            [
                Bookinfo.Service("productpage"), Bookinfo.Service("details"), Bookinfo.Service("reviews"), Bookinfo.Service("ratings"),
                VersionService("reviews", "v1"), VersionService("reviews", "v2"), VersionService("reviews", "v3"),
            ],
            [
                Bookinfo.Pod("productpage", "v1", sidecar), Bookinfo.Pod("details", "v1", sidecar),
                Bookinfo.Pod("reviews", "v1", sidecar), Bookinfo.Pod("reviews", "v2", sidecar), Bookinfo.Pod("reviews", "v3", sidecar),
                Bookinfo.Pod("ratings", "v1", sidecar), Bookinfo.Pod("sleep", "v1", sidecar),
                .. extraPods,
            ],
            [
                Bookinfo.Config($$$$"""{"kind":"Namespace","metadata":{"name":"NS","labels":{{{{labels}}}}}}"""),
                JsonNode.Parse("""{"kind":"Namespace","metadata":{"name":"istio-system"}}""")!.AsObject(),
            ],
            []);
    }

    /// <summary>A Service selecting one version of an app (bookinfo-versions.yaml).</summary>
    public static JsonObject VersionService(string app, string version) =>
        Bookinfo.Config($$$$"""{"kind":"Service","metadata":{"name":"{{{{app}}}}-{{{{version}}}}","namespace":"NS"},"spec":{"selector":{"app":"{{{{app}}}}","version":"{{{{version}}}}"},"ports":[{"name":"http","port":9080,"targetPort":9080}]}}""");

    /// <summary>A GAMMA HTTPRoute on the reviews Service with the given rules (JSON array body).</summary>
    public static string ReviewsRoute(string name, string rules, string created = "2026-01-01T00:00:00Z") =>
        $$$$"""{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"{{{{name}}}}","namespace":"NS","creationTimestamp":"{{{{created}}}}"},"spec":{"parentRefs":[{"group":"","kind":"Service","name":"reviews","port":9080}],"rules":{{{{rules}}}}}}""";

    public static string Backend(string service, int weight = 1) => $$$$"""{"name":"{{{{service}}}}","port":9080,"weight":{{{{weight}}}}}""";

    /// <summary>A Gateway API Gateway of class istio with one HTTP listener on port 80.</summary>
    public static string IngressGateway(string listenerExtra = "") =>
        $$$$"""{"apiVersion":"gateway.networking.k8s.io/v1","kind":"Gateway","metadata":{"name":"bookinfo-gateway","namespace":"NS"},"spec":{"gatewayClassName":"istio","listeners":[{"name":"http","port":80,"protocol":"HTTP"{{{{listenerExtra}}}}}]}}""";

    /// <summary>A waypoint for the namespace's Services (class istio-waypoint, HBONE listener on 15008).</summary>
    public const string Waypoint = """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"Gateway","metadata":{"name":"waypoint","namespace":"NS","labels":{"istio.io/waypoint-for":"service"}},"spec":{"gatewayClassName":"istio-waypoint","listeners":[{"name":"mesh","port":15008,"protocol":"HBONE"}]}}""";

    /// <summary>The ambient namespace that sends its Services' traffic through the waypoint.</summary>
    public const string AmbientWithWaypoint = """{"istio.io/dataplane-mode":"ambient","istio.io/use-waypoint":"waypoint"}""";
}
