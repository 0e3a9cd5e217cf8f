using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Patching;

/// <summary>
/// Strategic merge patch for the built-in workload kinds, as kubectl apply, rollout restart and set image send
/// it: a JSON merge patch whose lists of objects merge by their patch merge key (containers by name, ports by
/// containerPort or port, env by name, volumeMounts by mountPath, ...), with the <c>$patch</c>,
/// <c>$setElementOrder</c>, <c>$retainKeys</c> and <c>$deleteFromPrimitiveList</c> directives.
/// Lists without a merge key are replaced, as in the Kubernetes schema.
/// </summary>
internal static class StrategicMergePatch
{
    private static readonly FrozenDictionary<string, string[]> MergeKeys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ephemeralContainers"] = ["name"],
        ["volumes"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["env"] = ["name"],
        ["imagePullSecrets"] = ["name"],
        ["ports"] = ["containerPort", "port"],
        ["hostAliases"] = ["ip"],
        ["conditions"] = ["type"],
        ["secrets"] = ["name"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        if ((string?)patchObject["$patch"] == "replace")
        {
            var replaced = patchObject.DeepClone().AsObject();
            replaced.Remove("$patch");
            return replaced;
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (key.StartsWith("$setElementOrder/", StringComparison.Ordinal) || key is "$retainKeys" or "$patch")
            {
                continue;
            }

            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var field = key["$deleteFromPrimitiveList/".Length..];
                if (result[field] is JsonArray primitives && value is JsonArray removed)
                {
                    result[field] = new JsonArray(primitives.Where(p => !removed.Any(r => JsonNode.DeepEquals(r, p))).Select(p => p?.DeepClone()).ToArray());
                }

                continue;
            }

            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            if (value is JsonArray list && result[key] is JsonArray current && MergeKey(key, list, current) is { } mergeKey)
            {
                result[key] = MergeList(current, list, mergeKey);
                continue;
            }

            result[key] = Apply(result[key]?.DeepClone(), value);
        }

        return result;
    }

    private static string? MergeKey(string field, JsonArray patch, JsonArray current)
    {
        if (!MergeKeys.TryGetValue(field, out var candidates) || patch.Any(p => p is not JsonObject))
        {
            return null;
        }

        return candidates.FirstOrDefault(k => patch.Concat(current).OfType<JsonObject>().All(o => o[k] is not null || (string?)o["$patch"] == "delete"));
    }

    private static JsonArray MergeList(JsonArray current, JsonArray patch, string mergeKey)
    {
        var merged = current.Select(c => c?.DeepClone()).ToList();
        foreach (var item in patch.OfType<JsonObject>())
        {
            var index = merged.FindIndex(m => JsonNode.DeepEquals(m?[mergeKey], item[mergeKey]));
            if ((string?)item["$patch"] == "delete")
            {
                if (index >= 0)
                {
                    merged.RemoveAt(index);
                }

                continue;
            }

            if (index >= 0)
            {
                merged[index] = Apply(merged[index], item);
            }
            else
            {
                merged.Add(Apply(new JsonObject(), item));
            }
        }

        return new JsonArray(merged.ToArray());
    }
}
