using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Cluster;

/// <summary>Turns a Kubernetes API error reply (a Status object, or anything else) into a <see cref="MeshApiException"/>.</summary>
public static class KubernetesStatus
{
    public static MeshApiException ToException(HttpStatusCode code, string? content, ResourceKind kind, string name)
    {
        JsonObject? status = null;
        try
        {
            status = string.IsNullOrWhiteSpace(content) ? null : JsonNode.Parse(content) as JsonObject;
        }
        catch (JsonException)
        {
            // Not a Status (a proxy's HTML page, say): fall through to the generic message.
        }

        if (status is not null && (string?)status["kind"] == "Status")
        {
            var causes = (status["details"]?["causes"] as JsonArray)?
                .OfType<JsonObject>()
                .Select(c => new FieldCause((string?)c["field"] ?? "", (string?)c["message"] ?? (string?)c["reason"] ?? ""))
                .ToList();
            return new MeshApiException(
                (int?)status["code"] ?? (int)code,
                (string?)status["reason"] ?? code.ToString(),
                (string?)status["message"] ?? $"{kind.Plural} \"{name}\": {code}",
                causes);
        }

        return new MeshApiException((int)code, code.ToString(), $"The cluster answered {(int)code} {code} for {kind.Plural} \"{name}\"{(string.IsNullOrWhiteSpace(content) ? "" : ": " + Truncate(content))}.");
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
