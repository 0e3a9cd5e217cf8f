using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Workloads;

/// <summary>
/// Istio's injection webhook decision for a new pod, as the default install's webhooks decide it:
/// <c>istio-injection=disabled</c> or a pod's <c>sidecar.istio.io/inject: "false"</c> (label or annotation)
/// wins; ambient namespaces (<c>istio.io/dataplane-mode=ambient</c>) get none unless the pod asks with the
/// label; <c>istio-injection=enabled</c> or an <c>istio.io/rev</c> label injects; so does the pod label
/// <c>sidecar.istio.io/inject: "true"</c> on its own.
/// </summary>
internal static class SidecarInjection
{
    public const string ProxyImage = "docker.io/istio/proxyv2:" + Seeding.SampleWorkloads.IstioVersion;

    public static bool Injects(JsonObject? nsLabels, JsonObject? podLabels, JsonObject? podAnnotations)
    {
        var nsInjection = Str(nsLabels?["istio-injection"]);
        var podLabel = Str(podLabels?["sidecar.istio.io/inject"]);
        var podAnnotation = Str(podAnnotations?["sidecar.istio.io/inject"]);
        if (nsInjection == "disabled" || podLabel == "false" || (podLabel is null && podAnnotation == "false"))
        {
            return false;
        }

        if (podLabel == "true")
        {
            return true;
        }

        if (IsAmbient(nsLabels))
        {
            return false;
        }

        return nsInjection == "enabled" || nsLabels?["istio.io/rev"] is not null;
    }

    public static bool IsAmbient(JsonObject? nsLabels) => Str(nsLabels?["istio.io/dataplane-mode"]) == "ambient";

    /// <summary>The istio-proxy container, labels and annotations the webhook adds.</summary>
    public static void Inject(JsonObject pod, string appName, string? version, string revision)
    {
        var metadata = (JsonObject)pod["metadata"]!;
        var labels = (JsonObject)metadata["labels"]!;
        var annotations = (JsonObject)metadata["annotations"]!;
        labels["security.istio.io/tlsMode"] = "istio";
        labels["service.istio.io/canonical-name"] ??= appName;
        labels["service.istio.io/canonical-revision"] ??= version ?? "latest";
        annotations["sidecar.istio.io/status"] =
            $"{{\"initContainers\":[\"istio-init\"],\"containers\":[\"istio-proxy\"],\"volumes\":[\"workload-socket\",\"credential-socket\",\"workload-certs\",\"istio-envoy\",\"istio-data\",\"istio-podinfo\",\"istio-token\",\"istiod-ca-cert\"],\"imagePullSecrets\":null,\"revision\":\"{revision}\"}}";
        annotations["kubectl.kubernetes.io/default-container"] ??= Str(pod["spec"]?["containers"]?[0]?["name"]) ?? appName;
        annotations["kubectl.kubernetes.io/default-logs-container"] ??= Str(pod["spec"]?["containers"]?[0]?["name"]) ?? appName;
        annotations["prometheus.io/scrape"] = "true";
        annotations["prometheus.io/port"] = "15020";
        annotations["prometheus.io/path"] = "/stats/prometheus";
        ((JsonArray)pod["spec"]!["containers"]!).Add(new JsonObject
        {
            ["name"] = "istio-proxy",
            ["image"] = ProxyImage,
            ["args"] = new JsonArray("proxy", "sidecar", "--domain", "$(POD_NAMESPACE).svc.cluster.local"),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http-envoy-prom", ["containerPort"] = 15090, ["protocol"] = "TCP" }),
            ["readinessProbe"] = new JsonObject
            {
                ["httpGet"] = new JsonObject { ["path"] = "/healthz/ready", ["port"] = 15021, ["scheme"] = "HTTP" },
                ["periodSeconds"] = 15,
            },
        });
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
