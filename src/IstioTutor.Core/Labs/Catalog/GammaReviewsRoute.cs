namespace IstioTutor.Core.Labs.Catalog;

/// <summary>
/// What the Gateway API solutions of the Bookinfo traffic labs share: an HTTPRoute named reviews whose
/// parent is the reviews Service (GAMMA, mesh traffic), and why the version Services must exist.
/// </summary>
internal static class GammaReviewsRoute
{
    /// <summary>The route up to <c>rules:</c>; a solution appends its rules, indented two spaces.</summary>
    public const string Head = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: reviews
        spec:
          parentRefs:
          - group: ""
            kind: Service
            name: reviews
            port: 9080
          rules:

        """;

    public const string VersionServicesEn =
        "the version Services of Istio's bookinfo-versions.yaml (reviews-v1, reviews-v2, reviews-v3) must exist — kubectl apply -f samples/bookinfo/platform/kube/bookinfo-versions.yaml in the sandbox — because a backendRef names a Service, not a subset.";

    public const string VersionServicesKo =
        "Istio 의 bookinfo-versions.yaml 에 있는 버전별 Service(reviews-v1, reviews-v2, reviews-v3)가 있어야 합니다(샌드박스에서 kubectl apply -f samples/bookinfo/platform/kube/bookinfo-versions.yaml). backendRef 는 서브셋이 아니라 Service 를 가리키기 때문입니다.";
}
