using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace IstioTutor.Mesh.Cluster;

/// <summary>
/// <see cref="IMeshCluster"/> over KubernetesClient: the same code talks to the embedded sandbox and to
/// a real cluster. Istio kinds go through the custom-objects API; workloads are read through the typed
/// core/apps APIs and never written (IstioTutor only changes mesh configuration).
/// </summary>
public sealed class KubernetesMeshCluster(IClusterConnection connection) : IMeshCluster
{
    private const string ApplyManager = "istiotutor";

    public string Description => connection.Description;

    public bool IsSimulated => connection.IsSimulated;

    public async Task EnsureNamespaceAsync(string ns, CancellationToken cancellationToken)
    {
        var client = await connection.ConnectAsync(cancellationToken);
        if (await Call(() => client.CoreV1.ReadNamespaceAsync(ns, cancellationToken: cancellationToken), ResourceKinds.Namespace, ns, notFoundIsNull: true) is not null)
        {
            return;
        }

        var body = new V1Namespace
        {
            Metadata = new V1ObjectMeta { Name = ns, Labels = new Dictionary<string, string> { ["istio-injection"] = "enabled" } },
        };
        try
        {
            await Call(() => client.CoreV1.CreateNamespaceAsync(body, fieldManager: ApplyManager, cancellationToken: cancellationToken), ResourceKinds.Namespace, ns, notFoundIsNull: false);
        }
        catch (MeshApiException e) when (e.Reason == "AlreadyExists")
        {
            // Another door created it between our read and our create: that is the wanted state.
        }
    }

    public async Task<IReadOnlyList<JsonObject>> ListAsync(ResourceKind kind, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        var client = await connection.ConnectAsync(cancellationToken);
        var selector = string.IsNullOrWhiteSpace(labelSelector) ? null : labelSelector;
        if (kind.IstioConfig)
        {
            var list = await Call(
                () => ns is null
                    ? client.CustomObjects.ListClusterCustomObjectAsync<JsonObject>(kind.Group, kind.Version, kind.Plural, labelSelector: selector, cancellationToken: cancellationToken)
                    : client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(kind.Group, kind.Version, ns, kind.Plural, labelSelector: selector, cancellationToken: cancellationToken),
                kind,
                ns ?? "",
                notFoundIsNull: false);
            return Items(list!, kind);
        }

        object typed = kind.Plural switch
        {
            "namespaces" => (object?)await Call(() => client.CoreV1.ListNamespaceAsync(labelSelector: selector, cancellationToken: cancellationToken), kind, "", false),
            "services" => (object?)await Call(() => ns is null ? client.CoreV1.ListServiceForAllNamespacesAsync(labelSelector: selector, cancellationToken: cancellationToken) : client.CoreV1.ListNamespacedServiceAsync(ns, labelSelector: selector, cancellationToken: cancellationToken), kind, "", false),
            "pods" => (object?)await Call(() => ns is null ? client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: selector, cancellationToken: cancellationToken) : client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: cancellationToken), kind, "", false),
            "serviceaccounts" => (object?)await Call(() => ns is null ? client.CoreV1.ListServiceAccountForAllNamespacesAsync(labelSelector: selector, cancellationToken: cancellationToken) : client.CoreV1.ListNamespacedServiceAccountAsync(ns, labelSelector: selector, cancellationToken: cancellationToken), kind, "", false),
            "deployments" => (object?)await Call(() => ns is null ? client.AppsV1.ListDeploymentForAllNamespacesAsync(labelSelector: selector, cancellationToken: cancellationToken) : client.AppsV1.ListNamespacedDeploymentAsync(ns, labelSelector: selector, cancellationToken: cancellationToken), kind, "", false),
            _ => throw Unsupported(kind),
        } ?? throw Unsupported(kind);
        return Items(ToJson(typed), kind);
    }

    public async Task<JsonObject?> GetAsync(ResourceKind kind, string ns, string name, CancellationToken cancellationToken)
    {
        var client = await connection.ConnectAsync(cancellationToken);
        if (kind.IstioConfig)
        {
            return await Call(() => client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(kind.Group, kind.Version, ns, kind.Plural, name, cancellationToken), kind, name, notFoundIsNull: true);
        }

        object? typed = kind.Plural switch
        {
            "namespaces" => (object?)await Call(() => client.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellationToken), kind, name, true),
            "services" => (object?)await Call(() => client.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: cancellationToken), kind, name, true),
            "pods" => (object?)await Call(() => client.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: cancellationToken), kind, name, true),
            "serviceaccounts" => (object?)await Call(() => client.CoreV1.ReadNamespacedServiceAccountAsync(name, ns, cancellationToken: cancellationToken), kind, name, true),
            "deployments" => (object?)await Call(() => client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: cancellationToken), kind, name, true),
            _ => throw Unsupported(kind),
        };
        return typed is null ? null : WithType(ToJson(typed), kind);
    }

    public async Task<JsonObject> CreateAsync(ResourceKind kind, string ns, JsonObject resource, bool dryRun, CancellationToken cancellationToken)
    {
        RequireIstio(kind, "create");
        var client = await connection.ConnectAsync(cancellationToken);
        return (await Call(
            () => client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(resource, kind.Group, kind.Version, ns, kind.Plural, dryRun: DryRun(dryRun), fieldManager: ApplyManager, cancellationToken: cancellationToken),
            kind,
            NameOf(resource),
            notFoundIsNull: false))!;
    }

    public async Task<JsonObject> ReplaceAsync(ResourceKind kind, string ns, JsonObject resource, bool dryRun, CancellationToken cancellationToken)
    {
        RequireIstio(kind, "replace");
        var name = NameOf(resource);
        var client = await connection.ConnectAsync(cancellationToken);
        return (await Call(
            () => client.CustomObjects.ReplaceNamespacedCustomObjectAsync<JsonObject>(resource, kind.Group, kind.Version, ns, kind.Plural, name, dryRun: DryRun(dryRun), fieldManager: ApplyManager, cancellationToken: cancellationToken),
            kind,
            name,
            notFoundIsNull: false))!;
    }

    public async Task<JsonObject> PatchAsync(ResourceKind kind, string ns, string name, JsonNode patch, PatchKind patchKind, bool dryRun, CancellationToken cancellationToken)
    {
        RequireIstio(kind, "patch");
        var client = await connection.ConnectAsync(cancellationToken);
        var body = new V1Patch(patch.ToJsonString(), patchKind == PatchKind.Json ? V1Patch.PatchType.JsonPatch : V1Patch.PatchType.MergePatch);
        return (await Call(
            () => client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(body, kind.Group, kind.Version, ns, kind.Plural, name, dryRun: DryRun(dryRun), fieldManager: ApplyManager, cancellationToken: cancellationToken),
            kind,
            name,
            notFoundIsNull: false))!;
    }

    public async Task DeleteAsync(ResourceKind kind, string ns, string name, bool dryRun, CancellationToken cancellationToken)
    {
        RequireIstio(kind, "delete");
        var client = await connection.ConnectAsync(cancellationToken);
        await Call(
            () => client.CustomObjects.DeleteNamespacedCustomObjectAsync<JsonObject>(kind.Group, kind.Version, ns, kind.Plural, name, dryRun: DryRun(dryRun), cancellationToken: cancellationToken),
            kind,
            name,
            notFoundIsNull: false);
    }

    public async Task<MeshSnapshot> SnapshotAsync(string ns, CancellationToken cancellationToken)
    {
        var config = new List<JsonObject>();
        var root = new List<JsonObject>();
        foreach (var kind in ResourceKinds.Config)
        {
            config.AddRange(await ListServedAsync(kind, ns, cancellationToken));
            if (ns != MeshSnapshot.RootNamespace)
            {
                root.AddRange(await ListServedAsync(kind, MeshSnapshot.RootNamespace, cancellationToken));
            }
        }

        var isRoot = ns == MeshSnapshot.RootNamespace;
        return new MeshSnapshot(
            ns,
            config,
            await ListAsync(ResourceKinds.Service, ns, null, cancellationToken),
            await ListAsync(ResourceKinds.Pod, ns, null, cancellationToken),
            await ListAsync(ResourceKinds.Namespace, null, null, cancellationToken),
            isRoot ? config : root)
        {
            // Gateways select their pods in any namespace (istioctl, unless PILOT_SCOPE_GATEWAY_TO_NAMESPACE),
            // and the shared ingress gateway lives in the root namespace.
            RootNamespaceServices = isRoot ? [] : await ListRootAsync(ResourceKinds.Service, cancellationToken),
            RootNamespacePods = isRoot ? [] : await ListRootAsync(ResourceKinds.Pod, cancellationToken),
        };
    }

    /// <summary>
    /// A real cluster's kubeconfig may be scoped to the learner namespaces and not allowed to list
    /// istio-system (403): the snapshot then simply lacks the gateway workloads rather than failing.
    /// </summary>
    private async Task<IReadOnlyList<JsonObject>> ListRootAsync(ResourceKind kind, CancellationToken cancellationToken)
    {
        try
        {
            return await ListAsync(kind, MeshSnapshot.RootNamespace, null, cancellationToken);
        }
        catch (MeshApiException e) when (e.Code is 403 or 404)
        {
            return [];
        }
    }

    /// <summary>A real cluster may lack some CRDs (an older Istio without WasmPlugin, no Gateway API installed): that kind is simply empty.</summary>
    private async Task<IReadOnlyList<JsonObject>> ListServedAsync(ResourceKind kind, string ns, CancellationToken cancellationToken)
    {
        try
        {
            return await ListAsync(kind, ns, null, cancellationToken);
        }
        catch (MeshApiException e) when (e.Code == 404)
        {
            return [];
        }
    }

    private async Task<T?> Call<T>(Func<Task<T>> call, ResourceKind kind, string name, bool notFoundIsNull)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (HttpOperationException e) when (notFoundIsNull && e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (HttpOperationException e)
        {
            throw KubernetesStatus.ToException(e.Response.StatusCode, e.Response.Content, kind, name);
        }
        catch (HttpRequestException e)
        {
            throw new MeshApiException(503, "ServiceUnavailable", $"The {Description} cannot be reached: {e.Message}. Check that it is running and that Mesh settings point at it.");
        }
    }

    private static IReadOnlyList<JsonObject> Items(JsonObject list, ResourceKind kind) =>
        list["items"] is JsonArray items
            ? items.OfType<JsonObject>().Select(i => WithType(i, kind)).ToList()
            : [];

    /// <summary>List items of typed lists come without apiVersion/kind; analyzers want them on every object.</summary>
    private static JsonObject WithType(JsonObject item, ResourceKind kind)
    {
        item["apiVersion"] ??= kind.ApiVersion;
        item["kind"] ??= kind.Kind;
        return item;
    }

    private static JsonObject ToJson(object typed) => JsonNode.Parse(KubernetesJson.Serialize(typed))!.AsObject();

    private static string? DryRun(bool dryRun) => dryRun ? "All" : null;

    private static string NameOf(JsonObject resource) =>
        resource["metadata"]?["name"]?.GetValue<string>()
        ?? throw new MeshApiException(422, "Invalid", "metadata.name: Required value: give the resource a name.", [new FieldCause("metadata.name", "Required value")]);

    private static void RequireIstio(ResourceKind kind, string verb)
    {
        if (!kind.IstioConfig)
        {
            throw new MeshApiException(403, "Forbidden", $"IstioTutor does not {verb} {kind.Plural}: workloads are read-only; change mesh behaviour with Istio configuration (VirtualService, DestinationRule, ...).");
        }
    }

    private static MeshApiException Unsupported(ResourceKind kind) =>
        new(400, "BadRequest", $"IstioTutor cannot read {kind.Plural} ({kind.ApiVersion}).");
}
