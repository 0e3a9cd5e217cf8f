using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;

namespace IstioTutor.Sandbox.Api;

/// <summary>
/// A refusal written to the client as a Kubernetes <c>Status</c>, worded as kube-apiserver words it so
/// kubectl prints it the way learners will see it on a real cluster.
/// </summary>
internal sealed class StatusError : Exception
{
    public StatusError(int code, string reason, string message, JsonObject? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public StatusError()
        : this(500, "InternalError", "The sandbox failed.")
    {
    }

    public StatusError(string message)
        : this(500, "InternalError", message)
    {
    }

    public StatusError(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Reason = "InternalError";
    }

    public int Code { get; }

    public string Reason { get; }

    public JsonObject? Details { get; }

    public static StatusError NotFound(ServedResource resource, string name) =>
        new(404, "NotFound", $"{resource.QualifiedPlural} \"{name}\" not found", Detail(resource, name));

    public static StatusError NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", new JsonObject { ["name"] = ns, ["kind"] = "namespaces" });

    public static StatusError AlreadyExists(ServedResource resource, string name) =>
        new(409, "AlreadyExists", $"{resource.QualifiedPlural} \"{name}\" already exists", Detail(resource, name));

    public static StatusError Conflict(ServedResource resource, string name) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {resource.QualifiedPlural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again", Detail(resource, name));

    public static StatusError BadRequest(string message) => new(400, "BadRequest", message);

    public static StatusError Forbidden(ServedResource resource, string name, string verb, string why) =>
        new(403, "Forbidden", $"{resource.QualifiedPlural} \"{name}\" is forbidden: {verb} is refused: {why}", Detail(resource, name));

    /// <summary>422 as the API server's own validation words it: "Kind.group "name" is invalid: field: message".</summary>
    public static StatusError Invalid(ServedResource resource, string name, IReadOnlyList<FieldCause> causes) =>
        new(
            422,
            "Invalid",
            $"{resource.Kind.Kind}{(resource.Group.Length == 0 ? "" : "." + resource.Group)} \"{name}\" is invalid: {string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}"))}",
            InvalidDetail(resource, name, causes));

    /// <summary>422 for a denial by Istio's validation: the message is the webhook's; causes name each field for kubectl.</summary>
    public static StatusError Denied(ServedResource resource, string name, IReadOnlyList<FieldCause> causes) =>
        new(
            422,
            "Invalid",
            $"admission webhook \"validation.istio.io\" denied the request: configuration is invalid: {string.Join("; ", causes.Select(c => $"{c.Field}: {c.Message}"))}",
            InvalidDetail(resource, name, causes));

    public static StatusError UnsupportedPatch(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format ({contentType}) - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");

    public JsonObject ToStatus() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message,
        ["reason"] = Reason,
        ["details"] = Details?.DeepClone(),
        ["code"] = Code,
    };

    private static JsonObject Detail(ServedResource resource, string name) =>
        new() { ["name"] = name, ["group"] = resource.Group, ["kind"] = resource.Plural };

    private static JsonObject InvalidDetail(ServedResource resource, string name, IReadOnlyList<FieldCause> causes) => new()
    {
        ["name"] = name,
        ["group"] = resource.Group,
        ["kind"] = resource.Kind.Kind,
        ["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = "FieldValueInvalid",
            ["message"] = c.Message,
            ["field"] = c.Field,
        }).ToArray()),
    };
}
