using System.Text.Json.Nodes;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>What the ambient labs share: the limits text, the ambient-namespace finding and the HTTP-attribute reader.</summary>
internal static class AmbientLabs
{
    public static readonly LocalText Limits = new(
        "The sandbox's seeded Bookinfo pods were started with sidecars; once your namespace is labelled for ambient with injection off, the check grades them as restarted without sidecars (what kubectl rollout restart leaves in an ambient namespace). ztunnel and the waypoint are simulated; no proxy ran.",
        "샌드박스의 기본 Bookinfo 파드는 사이드카와 함께 시작되었습니다. 네임스페이스가 앰비언트로 레이블되고 주입이 꺼지면, 체크는 파드를 사이드카 없이 재시작된 것으로(앰비언트 네임스페이스에서 kubectl rollout restart 가 남기는 모습) 채점합니다. ztunnel 과 waypoint 는 시뮬레이션이며 실제 프록시는 돌지 않았습니다.");

    /// <summary>Expects the namespace in ambient mode with sidecar injection off; false when it is not.</summary>
    public static bool ExpectAmbient(LabContext context, LabFindings findings, AmbientView view, LocalText step)
    {
        var ok = findings.Expect(
            view.NamespaceIsAmbient && !view.InjectionStillOn,
            ($"{context.Namespace} runs in ambient mode (istio.io/dataplane-mode=ambient, no sidecar injection){(view.Restarted.Count > 0 ? $"; graded with {view.Restarted.Count} pod(s) restarted without sidecars" : "")}.", $"{context.Namespace} 가 앰비언트 모드입니다(istio.io/dataplane-mode=ambient, 사이드카 주입 없음){(view.Restarted.Count > 0 ? $". 파드 {view.Restarted.Count}개를 사이드카 없이 재시작된 것으로 채점했습니다" : "")}."),
            view.NamespaceIsAmbient
                ? ($"{context.Namespace} is labelled for ambient but istio-injection=enabled is still on: pods would keep getting sidecars, and ztunnel leaves sidecar pods alone.", $"{context.Namespace} 는 앰비언트로 레이블되었지만 istio-injection=enabled 가 남아 있어 파드가 계속 사이드카를 받고, ztunnel 은 사이드카 파드를 건드리지 않습니다.")
                : ($"{context.Namespace} is not in ambient mode: it has no istio.io/dataplane-mode=ambient label.", $"{context.Namespace} 가 앰비언트 모드가 아닙니다. istio.io/dataplane-mode=ambient 레이블이 없습니다."),
            (step.En.Replace("<your namespace>", context.Namespace, StringComparison.Ordinal), step.Ko.Replace("<내 네임스페이스>", context.Namespace, StringComparison.Ordinal)));
        return ok;
    }

    /// <summary>HTTP attributes in the selector-based AuthorizationPolicies that select the app's pods (ztunnel cannot enforce them).</summary>
    public static IReadOnlyList<string> HttpAttributesOnZtunnel(LabContext context, string app) =>
        context.Config("AuthorizationPolicy")
            .Where(p => p["spec"]?["targetRefs"] is null && p["spec"]?["targetRef"] is null)
            .Where(p => JsonFields.Labels(p["spec"]?["selector"]?["matchLabels"]) is var s && (s.Count == 0 || (s.Count == 1 && s.TryGetValue("app", out var a) && a == app)))
            .SelectMany(p => (p["spec"]?["rules"] as JsonArray ?? []).OfType<JsonObject>())
            .SelectMany(ZtunnelAuthorization.HttpAttributes)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
