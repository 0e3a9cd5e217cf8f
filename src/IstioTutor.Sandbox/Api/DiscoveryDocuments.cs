using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Schemas;

namespace IstioTutor.Sandbox.Api;

/// <summary>
/// The discovery and OpenAPI v3 documents kubectl and KubernetesClient read before acting: legacy
/// discovery (kubectl falls back to it when the reply is plain JSON) and OpenAPI v3 per group-version.
/// Every operation declares the fieldValidation parameter, so <c>kubectl apply</c> leaves field validation
/// to the server; Istio's and the Gateway API's kinds carry their CRDs' full schemas (components.schemas,
/// named and tagged as kube-apiserver names them), which is what <c>kubectl explain</c> reads.
/// </summary>
internal sealed class DiscoveryDocuments(ServedResources served, CrdSchemas crds)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonObject?> _openApiDocuments = new(StringComparer.Ordinal);

    public const string KubernetesVersion = "v1.32.0";

    private static readonly string[] Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = KubernetesVersion,
        ["gitCommit"] = "istiotutor-sandbox",
        ["gitTreeState"] = "clean",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public JsonObject GroupList() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(served.GroupVersions.Where(g => g.Name.Length > 0).Select(g => (JsonNode)Group(g)).ToArray()),
    };

    public JsonObject? Group(string name) =>
        served.GroupVersions.FirstOrDefault(g => g.Name == name && name.Length > 0) is { } g ? Group(g) : null;

    public JsonObject? ResourceList(string group, string version)
    {
        var resources = served.InGroupVersion(group, version).ToList();
        if (resources.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = resources[0].GroupVersion,
            ["resources"] = new JsonArray(resources.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Plural,
                ["singularName"] = r.Kind.Singular,
                ["namespaced"] = r.Kind.Namespaced,
                ["kind"] = r.Kind.Kind,
                ["verbs"] = new JsonArray(Verbs.Select(v => (JsonNode)v).ToArray()),
                ["shortNames"] = new JsonArray(r.Kind.ShortNames.Select(s => (JsonNode)s).ToArray()),
                ["categories"] = new JsonArray(r.Categories.Select(c => (JsonNode)c).ToArray()),
            }).ToArray()),
        };
    }

    public JsonObject OpenApiRoot()
    {
        var paths = new JsonObject();
        foreach (var gv in served.All.Select(r => r.GroupVersion).Distinct())
        {
            var key = PathPrefix(gv);
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={Hash(gv)}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The OpenAPI v3 document of one group-version (e.g. "apis/networking.istio.io/v1"), or null. Built once; never mutate it.</summary>
    public JsonObject? OpenApiGroupVersion(string key) => _openApiDocuments.GetOrAdd(key, BuildOpenApiGroupVersion);

    private JsonObject? BuildOpenApiGroupVersion(string key)
    {
        var resources = served.All.Where(r => PathPrefix(r.GroupVersion) == key).ToList();
        if (resources.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var r in resources)
        {
            var gvk = new JsonObject { ["group"] = r.Group, ["version"] = r.Version, ["kind"] = r.Kind.Kind };
            if (crds.Find(r.Group, r.Kind.Kind, r.Version) is { } crd)
            {
                var schema = crd.Schema.DeepClone().AsObject();
                var properties = schema["properties"] as JsonObject ?? new JsonObject();
                properties["metadata"] = new JsonObject
                {
                    ["description"] = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
                    ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = $"#/components/schemas/{ObjectMetaSchema.Name}" }),
                };
                schema["properties"] = properties;
                schema["x-kubernetes-group-version-kind"] = new JsonArray(gvk.DeepClone());
                schemas[SchemaName(r)] = schema;
                schemas[ObjectMetaSchema.Name] ??= ObjectMetaSchema.Schema();
            }

            var collection = r.Kind.Namespaced ? $"/{key}/namespaces/{{namespace}}/{r.Plural}" : $"/{key}/{r.Plural}";
            paths[collection] = new JsonObject
            {
                ["get"] = Operation(gvk, "list"),
                ["post"] = Operation(gvk, "post"),
            };
            paths[collection + "/{name}"] = new JsonObject
            {
                ["get"] = Operation(gvk, "get"),
                ["put"] = Operation(gvk, "put"),
                ["patch"] = Operation(gvk, "patch"),
                ["delete"] = Operation(gvk, "delete"),
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes (IstioTutor sandbox)", ["version"] = KubernetesVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject Group(ServedGroup g)
    {
        var ordered = g.Versions.OrderBy(v => v == g.PreferredVersion ? 0 : 1).ToList();
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = g.Name,
            ["versions"] = new JsonArray(ordered.Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{g.Name}/{v}", ["version"] = v }).ToArray()),
            ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{g.Name}/{g.PreferredVersion}", ["version"] = g.PreferredVersion },
        };
    }

    private static JsonObject Operation(JsonObject gvk, string action) => new()
    {
        ["x-kubernetes-action"] = action,
        ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
        ["parameters"] = new JsonArray(
            Parameter("dryRun"),
            Parameter("fieldManager"),
            Parameter("fieldValidation")),
    };

    private static JsonObject Parameter(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    /// <summary>kube-apiserver's name for a CRD kind's schema: the group reversed, then version and kind (io.istio.networking.v1.VirtualService).</summary>
    private static string SchemaName(ServedResource r) => $"{string.Join('.', r.Group.Split('.').Reverse())}.{r.Version}.{r.Kind.Kind}";

    private static string PathPrefix(string groupVersion) => groupVersion.Contains('/') ? $"apis/{groupVersion}" : $"api/{groupVersion}";

    private static string Hash(string groupVersion) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(groupVersion + KubernetesVersion + "+crd-schemas")))[..16];
}
