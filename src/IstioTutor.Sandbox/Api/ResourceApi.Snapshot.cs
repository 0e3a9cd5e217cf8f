using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Sandbox.Api;

/// <summary>Copies of what the traffic simulator reads, taken under the API's lock so a request never sees half a write.</summary>
internal sealed partial class ResourceApi
{
    /// <summary>The namespace's config, Services and Pods plus the root namespace's, as a real cluster's snapshot holds them.</summary>
    public MeshSnapshot Snapshot(string ns)
    {
        lock (_gate)
        {
            var isRoot = ns == MeshSnapshot.RootNamespace;
            var config = Copies(ResourceKinds.Config, ns);
            var root = isRoot ? config : Copies(ResourceKinds.Config, MeshSnapshot.RootNamespace);
            return new MeshSnapshot(ns, config, Copies([ResourceKinds.Service], ns), Copies([ResourceKinds.Pod], ns), Copies([ResourceKinds.Namespace], ""), root)
            {
                RootNamespaceServices = isRoot ? [] : Copies([ResourceKinds.Service], MeshSnapshot.RootNamespace),
                RootNamespacePods = isRoot ? [] : Copies([ResourceKinds.Pod], MeshSnapshot.RootNamespace),
            };
        }
    }

    /// <summary>A copy of one stored object of the core group (a pod, a ConfigMap), or null.</summary>
    public JsonObject? FindCore(string plural, string ns, string name)
    {
        lock (_gate)
        {
            return _store.Find("", plural, ns, name)?.DeepClone().AsObject();
        }
    }

    private List<JsonObject> Copies(IEnumerable<ResourceKind> kinds, string ns) =>
        kinds.SelectMany(kind => _store.List(kind.Group, kind.Plural, kind.Namespaced ? ns : "").Select(o =>
        {
            var copy = o.DeepClone().AsObject();
            copy["kind"] ??= kind.Kind;
            copy["apiVersion"] ??= kind.ApiVersion;
            return copy;
        })).ToList();
}
