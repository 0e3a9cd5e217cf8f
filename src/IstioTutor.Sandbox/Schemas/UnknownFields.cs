using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Schemas;

/// <summary>
/// Field validation against a CRD's structural schema, as kube-apiserver does it: fields the schema does not
/// declare are named (<c>spec.http[0].rout</c>) and, unless the caller only wants them named, pruned, as the
/// API server prunes them before storing. <c>x-kubernetes-preserve-unknown-fields</c> and
/// <c>additionalProperties</c> keep what they cover.
/// </summary>
internal static class UnknownFields
{
    /// <summary>Names (and with <paramref name="prune"/> removes) the unknown fields of a whole object.</summary>
    public static IReadOnlyList<string> Check(JsonObject obj, JsonObject schema, bool prune)
    {
        var found = new List<string>();
        var properties = schema["properties"] as JsonObject;
        foreach (var (key, value) in obj.ToList())
        {
            if (key is "apiVersion" or "kind")
            {
                continue;
            }

            if (key == "metadata")
            {
                foreach (var (metaKey, _) in (value as JsonObject ?? []).ToList())
                {
                    if (!ObjectMetaSchema.FieldNames.Contains(metaKey))
                    {
                        found.Add($"metadata.{metaKey}");
                        if (prune)
                        {
                            ((JsonObject)value!).Remove(metaKey);
                        }
                    }
                }

                continue;
            }

            if (properties?[key] is JsonObject child)
            {
                Walk(value, child, key, found, prune);
            }
            else
            {
                found.Add(key);
                if (prune)
                {
                    obj.Remove(key);
                }
            }
        }

        return found;
    }

    private static void Walk(JsonNode? node, JsonObject schema, string path, List<string> found, bool prune)
    {
        if ((bool?)schema["x-kubernetes-preserve-unknown-fields"] == true && schema["properties"] is null)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                var properties = schema["properties"] as JsonObject;
                var additional = schema["additionalProperties"];
                foreach (var (key, value) in obj.ToList())
                {
                    var childPath = $"{path}.{key}";
                    if (properties?[key] is JsonObject child)
                    {
                        Walk(value, child, childPath, found, prune);
                    }
                    else if (additional is JsonObject additionalSchema)
                    {
                        Walk(value, additionalSchema, childPath, found, prune);
                    }
                    else if (additional is JsonValue allowed && allowed.TryGetValue<bool>(out var any) && any)
                    {
                        // additionalProperties: true keeps anything.
                    }
                    else if ((bool?)schema["x-kubernetes-preserve-unknown-fields"] == true)
                    {
                        // Declared fields are checked; the rest is kept as it is.
                    }
                    else if (properties is not null || additional is not null || (string?)schema["type"] == "object")
                    {
                        found.Add(childPath);
                        if (prune)
                        {
                            obj.Remove(key);
                        }
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], items, $"{path}[{i}]", found, prune);
                }

                break;
        }
    }
}
