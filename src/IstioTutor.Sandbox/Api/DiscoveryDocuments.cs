using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Api;

/// <summary>
/// The discovery and OpenAPI v3 documents kubectl and KubernetesClient read before acting: legacy
/// discovery (kubectl falls back to it when the reply is plain JSON) and the minimal OpenAPI form that
/// lets <c>kubectl apply</c> defer field validation to the server instead of failing on an unknown schema.
/// </summary>
internal sealed class DiscoveryDocuments(ServedResources served)
{
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

    /// <summary>The OpenAPI v3 document of one group-version (e.g. "apis/networking.istio.io/v1"), or null.</summary>
    public JsonObject? OpenApiGroupVersion(string key)
    {
        var resources = served.All.Where(r => PathPrefix(r.GroupVersion) == key).ToList();
        if (resources.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        foreach (var r in resources)
        {
            var gvk = new JsonObject { ["group"] = r.Group, ["version"] = r.Version, ["kind"] = r.Kind.Kind };
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
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
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

    private static string PathPrefix(string groupVersion) => groupVersion.Contains('/') ? $"apis/{groupVersion}" : $"api/{groupVersion}";

    private static string Hash(string groupVersion) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(groupVersion + KubernetesVersion)))[..16];
}
