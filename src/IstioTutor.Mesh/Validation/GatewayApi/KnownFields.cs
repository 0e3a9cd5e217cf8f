using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Validation.GatewayApi;

/// <summary>
/// The properties the v1.3 Gateway API CRD schemas declare under spec. Any other field is one the API server would
/// prune; field validation names it, <c>unknown field "spec.rules[0].backendRef"</c>, so a learner's typo is reported.
/// </summary>
internal sealed class KnownFields
{
    private static readonly KnownFields Leaf = new(new Dictionary<string, KnownFields>(StringComparer.Ordinal), anyKeys: true);

    private readonly IReadOnlyDictionary<string, KnownFields> _children;
    private readonly bool _anyKeys;

    private KnownFields(IReadOnlyDictionary<string, KnownFields> children, bool anyKeys)
    {
        _children = children;
        _anyKeys = anyKeys;
    }

    /// <summary>The unknown fields of <paramref name="spec"/> for <paramref name="kind"/>, as paths.</summary>
    public static IEnumerable<string> Unknown(string kind, JsonObject spec)
    {
        var tree = kind switch
        {
            "Gateway" => GatewaySpec,
            "GatewayClass" => GatewayClassSpec,
            "HTTPRoute" => HttpRouteSpec,
            "GRPCRoute" => GrpcRouteSpec,
            "ReferenceGrant" => ReferenceGrantSpec,
            "TCPRoute" => L4RouteSpec(tls: false),
            "TLSRoute" => L4RouteSpec(tls: true),
            _ => Leaf,
        };
        return tree.Walk("spec", spec);
    }

    private IEnumerable<string> Walk(string path, JsonNode? node)
    {
        if (_anyKeys)
        {
            yield break;
        }

        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var unknown in Walk($"{path}[{i}]", array[i]))
                {
                    yield return unknown;
                }
            }

            yield break;
        }

        if (node is not JsonObject obj)
        {
            yield break;
        }

        foreach (var (key, value) in obj)
        {
            if (!_children.TryGetValue(key, out var child))
            {
                yield return $"{path}.{key}";
                continue;
            }

            foreach (var unknown in child.Walk($"{path}.{key}", value))
            {
                yield return unknown;
            }
        }
    }

    private static KnownFields Of(params (string Name, KnownFields Tree)[] fields) =>
        new(fields.ToDictionary(f => f.Name, f => f.Tree, StringComparer.Ordinal), anyKeys: false);

    private static (string, KnownFields)[] Scalars(params string[] names) => [.. names.Select(n => (n, Leaf))];

    private static KnownFields ParentRef => Of(Scalars("group", "kind", "namespace", "name", "sectionName", "port"));

    private static (string, KnownFields)[] BackendObject => Scalars("group", "kind", "name", "namespace", "port");

    private static KnownFields HeaderFilter => Of(("set", NameValue), ("add", NameValue), ("remove", Leaf));

    private static KnownFields NameValue => Of(Scalars("name", "value"));

    private static KnownFields Mirror => Of(("backendRef", Of(BackendObject)), ("percent", Leaf), ("fraction", Of(Scalars("numerator", "denominator"))));

    private static KnownFields PathModifier => Of(Scalars("type", "replaceFullPath", "replacePrefixMatch"));

    private static KnownFields HttpFilter => Of(
        ("type", Leaf),
        ("requestHeaderModifier", HeaderFilter),
        ("responseHeaderModifier", HeaderFilter),
        ("requestMirror", Mirror),
        ("requestRedirect", Of(("scheme", Leaf), ("hostname", Leaf), ("path", PathModifier), ("port", Leaf), ("statusCode", Leaf))),
        ("urlRewrite", Of(("hostname", Leaf), ("path", PathModifier))),
        ("extensionRef", Of(Scalars("group", "kind", "name"))));

    private static KnownFields GrpcFilter => Of(
        ("type", Leaf),
        ("requestHeaderModifier", HeaderFilter),
        ("responseHeaderModifier", HeaderFilter),
        ("requestMirror", Mirror),
        ("extensionRef", Of(Scalars("group", "kind", "name"))));

    private static KnownFields TypedNameValue => Of(Scalars("type", "name", "value"));

    private static KnownFields HttpRouteSpec => Of(
        ("parentRefs", ParentRef),
        ("hostnames", Leaf),
        ("rules", Of(
            ("name", Leaf),
            ("matches", Of(("path", Of(Scalars("type", "value"))), ("headers", TypedNameValue), ("queryParams", TypedNameValue), ("method", Leaf))),
            ("filters", HttpFilter),
            ("backendRefs", Of([.. BackendObject, ("weight", Leaf), ("filters", HttpFilter)])),
            ("timeouts", Of(Scalars("request", "backendRequest"))))));

    private static KnownFields GrpcRouteSpec => Of(
        ("parentRefs", ParentRef),
        ("hostnames", Leaf),
        ("rules", Of(
            ("name", Leaf),
            ("matches", Of(("method", Of(Scalars("type", "service", "method"))), ("headers", TypedNameValue))),
            ("filters", GrpcFilter),
            ("backendRefs", Of([.. BackendObject, ("weight", Leaf), ("filters", GrpcFilter)])))));

    private static KnownFields L4RouteSpec(bool tls)
    {
        List<(string, KnownFields)> fields = [("parentRefs", ParentRef), ("rules", Of(("name", Leaf), ("backendRefs", Of([.. BackendObject, ("weight", Leaf)]))))];
        if (tls)
        {
            fields.Add(("hostnames", Leaf));
        }

        return Of([.. fields]);
    }

    private static KnownFields ReferenceGrantSpec => Of(("from", Of(Scalars("group", "kind", "namespace"))), ("to", Of(Scalars("group", "kind", "name"))));

    private static KnownFields GatewayClassSpec => Of(("controllerName", Leaf), ("description", Leaf), ("parametersRef", Of(Scalars("group", "kind", "name", "namespace"))));

    private static KnownFields GatewaySpec => Of(
        ("gatewayClassName", Leaf),
        ("listeners", Of(
            ("name", Leaf),
            ("hostname", Leaf),
            ("port", Leaf),
            ("protocol", Leaf),
            ("tls", Of(("mode", Leaf), ("certificateRefs", Of(Scalars("group", "kind", "name", "namespace"))), ("options", Leaf))),
            ("allowedRoutes", Of(
                ("namespaces", Of(("from", Leaf), ("selector", Of(("matchLabels", Leaf), ("matchExpressions", Of(Scalars("key", "operator", "values"))))))),
                ("kinds", Of(Scalars("group", "kind"))))))),
        ("addresses", Of(Scalars("type", "value"))),
        ("infrastructure", Of(("labels", Leaf), ("annotations", Leaf), ("parametersRef", Of(Scalars("group", "kind", "name"))))));
}
