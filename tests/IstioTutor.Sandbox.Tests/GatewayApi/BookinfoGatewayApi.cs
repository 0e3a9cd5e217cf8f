namespace IstioTutor.Sandbox.Tests.GatewayApi;

/// <summary>Manifests written for these tests in the shape of Istio's samples/bookinfo/gateway-api files.</summary>
internal static class BookinfoGatewayApi
{
    public const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: bookinfo-gateway
        spec:
          gatewayClassName: istio
          listeners:
          - name: http
            port: 80
            protocol: HTTP
            allowedRoutes:
              namespaces:
                from: Same
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: bookinfo
        spec:
          parentRefs:
          - name: bookinfo-gateway
          rules:
          - matches:
            - path:
                type: Exact
                value: /productpage
            - path:
                type: PathPrefix
                value: /static
            - path:
                type: Exact
                value: /login
            - path:
                type: Exact
                value: /logout
            - path:
                type: PathPrefix
                value: /api/v1/products
            backendRefs:
            - name: productpage
              port: 9080

        """;

    public static string AllV1 => string.Join("---\n", new[] { "reviews", "productpage", "ratings", "details" }.Select(app => ServiceRoute(app, ($"{app}-v1", null))));

    public static string ReviewsV1 => ServiceRoute("reviews", ("reviews-v1", null));

    public static string Reviews50V3 => ServiceRoute("reviews", ("reviews-v1", 50), ("reviews-v3", 50));

    public static string Reviews90To10 => ServiceRoute("reviews", ("reviews-v1", 90), ("reviews-v2", 10));

    public static string ReviewsV3 => ServiceRoute("reviews", ("reviews-v3", null));

    /// <summary>A GAMMA route: parent is the Service itself, backends are its version Services.</summary>
    public static string ServiceRoute(string app, params (string Backend, int? Weight)[] backends) => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: {app}
        spec:
          parentRefs:
          - group: ""
            kind: Service
            name: {app}
            port: 9080
          rules:
          - backendRefs:
        {string.Concat(backends.Select(b => $"    - name: {b.Backend}\n      port: 9080\n" + (b.Weight is null ? "" : $"      weight: {b.Weight}\n")))}
        """;
}
