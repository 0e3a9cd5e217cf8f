using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>
/// The defaults the Gateway API CRD schemas declare (+kubebuilder:default), filled in by the API server before
/// validation and storage, so <c>kubectl get -o yaml</c> shows what a cluster shows: parentRefs' group and kind,
/// backendRefs' group, kind and weight, a route rule's PathPrefix "/" match, a listener's allowedRoutes.
/// Values of the wrong type are left alone for validation to report.
/// </summary>
internal static class GatewayApiDefaults
{
    public static void Apply(string kind, JsonObject obj)
    {
        if (obj["spec"] is not JsonObject spec)
        {
            return;
        }

        switch (kind)
        {
            case "Gateway":
                Gateway(spec);
                break;
            case "HTTPRoute":
                Route(spec, http: true);
                break;
            case "GRPCRoute" or "TCPRoute" or "TLSRoute":
                Route(spec, http: false);
                break;
        }
    }

    private static void Gateway(JsonObject spec)
    {
        foreach (var listener in Objects(spec["listeners"]))
        {
            listener["allowedRoutes"] ??= new JsonObject { ["namespaces"] = new JsonObject { ["from"] = "Same" } };
            if (listener["allowedRoutes"] is JsonObject allowed)
            {
                allowed["namespaces"] ??= new JsonObject { ["from"] = "Same" };
                if (allowed["namespaces"] is JsonObject namespaces)
                {
                    namespaces["from"] ??= "Same";
                }
            }

            if (listener["tls"] is JsonObject tls)
            {
                tls["mode"] ??= "Terminate";
                foreach (var reference in Objects(tls["certificateRefs"]))
                {
                    reference["group"] ??= "";
                    reference["kind"] ??= "Secret";
                }
            }
        }

        foreach (var address in Objects(spec["addresses"]))
        {
            address["type"] ??= "IPAddress";
        }
    }

    private static void Route(JsonObject spec, bool http)
    {
        foreach (var parent in Objects(spec["parentRefs"]))
        {
            parent["group"] ??= "gateway.networking.k8s.io";
            parent["kind"] ??= "Gateway";
        }

        if (http)
        {
            spec["rules"] ??= new JsonArray(new JsonObject { ["matches"] = new JsonArray(RootMatch()) });
        }

        foreach (var rule in Objects(spec["rules"]))
        {
            if (http)
            {
                rule["matches"] ??= new JsonArray(RootMatch());
                foreach (var match in Objects(rule["matches"]))
                {
                    match["path"] ??= new JsonObject { ["type"] = "PathPrefix", ["value"] = "/" };
                    if (match["path"] is JsonObject path)
                    {
                        path["type"] ??= "PathPrefix";
                        path["value"] ??= "/";
                    }

                    foreach (var header in Objects(match["headers"]).Concat(Objects(match["queryParams"])))
                    {
                        header["type"] ??= "Exact";
                    }
                }
            }
            else
            {
                foreach (var match in Objects(rule["matches"]))
                {
                    if (match["method"] is JsonObject method)
                    {
                        method["type"] ??= "Exact";
                    }

                    foreach (var header in Objects(match["headers"]))
                    {
                        header["type"] ??= "Exact";
                    }
                }
            }

            foreach (var backend in Objects(rule["backendRefs"]))
            {
                backend["group"] ??= "";
                backend["kind"] ??= "Service";
                backend["weight"] ??= 1;
            }

            foreach (var filter in Objects(rule["filters"]))
            {
                if (filter["requestRedirect"] is JsonObject redirect)
                {
                    redirect["statusCode"] ??= 302;
                }
            }
        }
    }

    private static JsonObject RootMatch() => new() { ["path"] = new JsonObject { ["type"] = "PathPrefix", ["value"] = "/" } };

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => (node as JsonArray ?? []).OfType<JsonObject>();
}
