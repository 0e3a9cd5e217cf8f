using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;

namespace IstioTutor.Mesh.Validation;

/// <summary>
/// The declared fields of each kind's spec (from the Istio CRD schemas), enough to name unknown fields
/// the way the API server's field validation does: <c>unknown field "spec.http[0].rout"</c>. Arrays are
/// transparent (the shape applies to each item); a null shape means "not checked below here".
/// </summary>
internal static class SpecSchema
{
    private sealed record Shape(IReadOnlyDictionary<string, Shape?> Fields, Shape? MapValues = null, bool IsMap = false);

    private static Shape Obj(params (string Name, Shape? Child)[] fields) => new(fields.ToDictionary(f => f.Name, f => f.Child, StringComparer.Ordinal));

    private static Shape MapOf(Shape values) => new(new Dictionary<string, Shape?>(), values, true);

    private static (string, Shape?) L(string name) => (name, null);

    private static readonly Shape StringMatch = Obj(L("exact"), L("prefix"), L("regex"));
    private static readonly Shape Selector = Obj(L("matchLabels"));
    private static readonly Shape PortSelector = Obj(L("number"));
    private static readonly Shape Destination = Obj(L("host"), L("subset"), ("port", PortSelector));
    private static readonly Shape Percent = Obj(L("value"));
    private static readonly Shape TargetRef = Obj(L("group"), L("kind"), L("name"), L("namespace"));

    private static readonly Shape HttpMatch = Obj(
        L("name"), ("uri", StringMatch), ("scheme", StringMatch), ("method", StringMatch), ("authority", StringMatch),
        ("headers", MapOf(StringMatch)), ("withoutHeaders", MapOf(StringMatch)), ("queryParams", MapOf(StringMatch)),
        L("port"), L("sourceLabels"), L("gateways"), L("ignoreUriCase"), L("sourceNamespace"), L("statPrefix"));

    private static readonly Shape HttpRoute = Obj(
        L("name"), ("match", HttpMatch), ("route", Obj(("destination", Destination), L("weight"), L("headers"))),
        L("redirect"), L("directResponse"), L("delegate"), L("rewrite"), L("timeout"),
        ("retries", Obj(L("attempts"), L("perTryTimeout"), L("retryOn"), L("retryRemoteLocalities"), L("retryIgnorePreviousHosts"), L("backoff"))),
        ("fault", Obj(("delay", Obj(L("fixedDelay"), L("exponentialDelay"), L("percent"), ("percentage", Percent))), ("abort", Obj(L("httpStatus"), L("grpcStatus"), L("http2Error"), ("percentage", Percent))))),
        ("mirror", Destination), L("mirrorPercent"), L("mirror_percent"), ("mirrorPercentage", Percent), ("mirrors", Obj(("destination", Destination), ("percentage", Percent))),
        L("corsPolicy"), L("headers"));

    private static readonly Shape L4Route = Obj(L("match"), ("route", Obj(("destination", Destination), L("weight"))));

    private static readonly Shape ClientTls = Obj(L("mode"), L("clientCertificate"), L("privateKey"), L("caCertificates"), L("credentialName"), L("subjectAltNames"), L("sni"), L("insecureSkipVerify"), L("caCrl"));

    private static readonly Shape OutlierDetection = Obj(
        L("consecutiveErrors"), L("consecutive5xxErrors"), L("consecutiveGatewayErrors"), L("consecutiveLocalOriginFailures"), L("splitExternalLocalOriginErrors"),
        L("interval"), L("baseEjectionTime"), L("maxEjectionPercent"), L("minHealthPercent"), L("outlierDetectionHttpErrorCodes"));

    private static readonly Shape ConnectionPool = Obj(
        ("tcp", Obj(L("maxConnections"), L("connectTimeout"), L("tcpKeepalive"), L("maxConnectionDuration"), L("idleTimeout"))),
        ("http", Obj(L("http1MaxPendingRequests"), L("http2MaxRequests"), L("maxRequestsPerConnection"), L("maxRetries"), L("idleTimeout"), L("h2UpgradePolicy"), L("useClientProtocol"), L("maxConcurrentStreams"), L("http2KeepAlive"))));

    private static readonly Shape LoadBalancer = Obj(L("simple"), L("consistentHash"), L("localityLbSetting"), L("warmupDurationSecs"), L("warmup"), L("zoneAwareLbSetting"), L("backendUtilization"));

    private static readonly Shape TrafficPolicy = Obj(
        ("loadBalancer", LoadBalancer), ("connectionPool", ConnectionPool), ("outlierDetection", OutlierDetection), ("tls", ClientTls),
        ("portLevelSettings", Obj(("port", PortSelector), ("loadBalancer", LoadBalancer), ("connectionPool", ConnectionPool), ("outlierDetection", OutlierDetection), ("tls", ClientTls))),
        L("tunnel"), L("proxyProtocol"), L("retryBudget"));

    private static readonly Dictionary<string, Shape> Kinds = new(StringComparer.Ordinal)
    {
        ["VirtualService"] = Obj(L("hosts"), L("gateways"), ("http", HttpRoute), ("tls", L4Route), ("tcp", L4Route), L("exportTo")),
        ["DestinationRule"] = Obj(L("host"), ("trafficPolicy", TrafficPolicy), ("subsets", Obj(L("name"), L("labels"), ("trafficPolicy", TrafficPolicy))), L("exportTo"), ("workloadSelector", Selector)),
        ["Gateway"] = Obj(("servers", Obj(("port", Obj(L("number"), L("protocol"), L("name"), L("targetPort"))), L("bind"), L("hosts"), L("tls"), L("defaultEndpoint"), L("name"))), L("selector")),
        ["ServiceEntry"] = Obj(L("hosts"), L("addresses"), L("ports"), L("location"), L("resolution"), L("endpoints"), L("workloadSelector"), L("exportTo"), L("subjectAltNames")),
        ["Sidecar"] = Obj(L("workloadSelector"), L("ingress"), L("egress"), L("inboundConnectionPool"), L("outboundTrafficPolicy")),
        ["WorkloadEntry"] = Obj(L("address"), L("ports"), L("labels"), L("network"), L("locality"), L("weight"), L("serviceAccount")),
        ["WorkloadGroup"] = Obj(L("metadata"), L("template"), L("probe")),
        ["EnvoyFilter"] = Obj(L("workloadSelector"), L("targetRefs"), L("configPatches"), L("priority")),
        ["PeerAuthentication"] = Obj(("selector", Selector), ("mtls", Obj(L("mode"))), ("portLevelMtls", MapOf(Obj(L("mode"))))),
        ["AuthorizationPolicy"] = Obj(
            ("selector", Selector), ("targetRef", TargetRef), L("targetRefs"), L("action"), ("provider", Obj(L("name"))),
            ("rules", Obj(
                ("from", Obj(("source", Obj(L("principals"), L("notPrincipals"), L("requestPrincipals"), L("notRequestPrincipals"), L("namespaces"), L("notNamespaces"), L("serviceAccounts"), L("notServiceAccounts"), L("ipBlocks"), L("notIpBlocks"), L("remoteIpBlocks"), L("notRemoteIpBlocks"), L("trustDomains"), L("notTrustDomains"))))),
                ("to", Obj(("operation", Obj(L("hosts"), L("notHosts"), L("ports"), L("notPorts"), L("methods"), L("notMethods"), L("paths"), L("notPaths"))))),
                ("when", Obj(L("key"), L("values"), L("notValues")))))),
        ["RequestAuthentication"] = Obj(("selector", Selector), ("targetRef", TargetRef), L("targetRefs"),
            ("jwtRules", Obj(L("issuer"), L("audiences"), L("jwksUri"), L("jwks_uri"), L("jwks"), L("fromHeaders"), L("fromParams"), L("fromCookies"), L("outputPayloadToHeader"), L("forwardOriginalToken"), L("outputClaimToHeaders"), L("timeout"), L("spaceDelimitedClaims"), L("presence")))),
        ["Telemetry"] = Obj(("selector", Selector), ("targetRef", TargetRef), L("targetRefs"), L("tracing"), L("metrics"), L("accessLogging")),
        ["WasmPlugin"] = Obj(("selector", Selector), ("targetRef", TargetRef), L("targetRefs"), L("url"), L("sha256"), L("imagePullPolicy"), L("imagePullSecret"), L("pluginConfig"), L("pluginName"), L("phase"), L("priority"), L("failStrategy"), L("vmConfig"), L("match"), L("type")),
    };

    public static IReadOnlyList<FieldCause> UnknownFields(string kind, JsonObject spec)
    {
        var found = new List<FieldCause>();
        if (Kinds.TryGetValue(kind, out var shape))
        {
            Walk(shape, spec, "spec", found);
        }

        return found;
    }

    private static void Walk(Shape shape, JsonNode? node, string path, List<FieldCause> found)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(shape, array[i], $"{path}[{i}]", found);
                }

                break;
            case JsonObject obj when shape.IsMap:
                foreach (var (key, value) in obj)
                {
                    Walk(shape.MapValues!, value, $"{path}[{key}]", found);
                }

                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (!shape.Fields.TryGetValue(key, out var child))
                    {
                        found.Add(new FieldCause($"{path}.{key}", $"unknown field \"{path}.{key}\""));
                    }
                    else if (child is not null)
                    {
                        Walk(child, value, $"{path}.{key}", found);
                    }
                }

                break;
        }
    }
}
