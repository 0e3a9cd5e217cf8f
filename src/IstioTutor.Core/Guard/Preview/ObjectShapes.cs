using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Guard.Preview;

/// <summary>
/// The parts of an object a learner owns (apiVersion, kind, name, namespace, labels, annotations, spec),
/// stripped of what the server manages, for diffs, writes and restores.
/// </summary>
public static class ObjectShapes
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>The object as the learner would write it: server-managed metadata and status removed.</summary>
    public static JsonObject Authored(ResourceKind kind, JsonObject source, string ns)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(source);
        var metadata = new JsonObject
        {
            ["name"] = source["metadata"]?["name"]?.DeepClone(),
            ["namespace"] = ns,
        };
        if (source["metadata"]?["labels"] is JsonObject { Count: > 0 } labels)
        {
            metadata["labels"] = labels.DeepClone();
        }

        if (source["metadata"]?["annotations"] is JsonObject annotations)
        {
            var kept = new JsonObject();
            foreach (var (key, value) in annotations)
            {
                if (key != LastApplied)
                {
                    kept[key] = value?.DeepClone();
                }
            }

            if (kept.Count > 0)
            {
                metadata["annotations"] = kept;
            }
        }

        var shaped = new JsonObject
        {
            ["apiVersion"] = kind.ApiVersion,
            ["kind"] = kind.Kind,
            ["metadata"] = metadata,
        };
        if (source["spec"] is { } spec)
        {
            shaped["spec"] = spec.DeepClone();
        }

        return shaped;
    }

    public static string? ResourceVersion(JsonObject? live) =>
        live?["metadata"]?["resourceVersion"] is JsonValue v && v.TryGetValue<string>(out var rv) ? rv : null;

    /// <summary>A copy carrying the resourceVersion a PUT must name.</summary>
    public static JsonObject WithResourceVersion(JsonObject o, string? resourceVersion)
    {
        var copy = o.DeepClone().AsObject();
        if (resourceVersion is not null && copy["metadata"] is JsonObject metadata)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return copy;
    }
}
