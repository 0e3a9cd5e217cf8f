using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Schemas;

/// <summary>
/// The OpenAPI schema of metav1.ObjectMeta that CRD documents reference for <c>metadata</c>, with the fields
/// and descriptions <c>kubectl explain</c> shows, and the field names Strict field validation accepts.
/// </summary>
internal static class ObjectMetaSchema
{
    public const string Name = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private static readonly (string Field, string Type, string Description)[] Fields =
    [
        ("annotations", "map", "Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata."),
        ("creationTimestamp", "string", "CreationTimestamp is a timestamp representing the server time when this object was created. Populated by the system. Read-only."),
        ("deletionGracePeriodSeconds", "integer", "Number of seconds allowed for this object to gracefully terminate before it will be removed from the system."),
        ("deletionTimestamp", "string", "DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. Populated by the system."),
        ("finalizers", "strings", "Must be empty before the object is deleted from the registry."),
        ("generateName", "string", "GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided."),
        ("generation", "integer", "A sequence number representing a specific generation of the desired state. Populated by the system. Read-only."),
        ("labels", "map", "Map of string keys and values that can be used to organize and categorize (scope and select) objects."),
        ("managedFields", "objects", "ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow."),
        ("name", "string", "Name must be unique within a namespace. Cannot be updated."),
        ("namespace", "string", "Namespace defines the space within which each name must be unique."),
        ("ownerReferences", "objects", "List of objects depended by this object."),
        ("resourceVersion", "string", "An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed."),
        ("selfLink", "string", "Deprecated: selfLink is a legacy read-only field that is no longer populated by the system."),
        ("uid", "string", "UID is the unique in time and space value for this object. Populated by the system. Read-only."),
    ];

    public static IReadOnlySet<string> FieldNames { get; } = Fields.Select(f => f.Field).ToHashSet(StringComparer.Ordinal);

    public static JsonObject Schema()
    {
        var properties = new JsonObject();
        foreach (var (field, type, description) in Fields)
        {
            properties[field] = type switch
            {
                "map" => new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string", ["default"] = "" }, ["description"] = description },
                "strings" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["default"] = "" }, ["description"] = description },
                "objects" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" }, ["description"] = description },
                "integer" => new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = description },
                _ => new JsonObject { ["type"] = "string", ["description"] = description },
            };
        }

        return new JsonObject
        {
            ["description"] = "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
            ["type"] = "object",
            ["properties"] = properties,
        };
    }
}
