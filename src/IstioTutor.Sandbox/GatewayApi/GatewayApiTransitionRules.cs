using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;

namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>
/// The CRD rules that compare an update with the stored object (CEL <c>self == oldSelf</c>), which a validator
/// of one object cannot see: a GatewayClass's controllerName is immutable.
/// </summary>
internal static class GatewayApiTransitionRules
{
    public static IReadOnlyList<FieldCause> Check(string kind, JsonObject existing, JsonObject updated)
    {
        if (kind == "GatewayClass"
            && existing["spec"]?["controllerName"] is JsonNode before
            && !JsonNode.DeepEquals(before, updated["spec"]?["controllerName"]))
        {
            return [new FieldCause("spec.controllerName", "Invalid value: \"string\": Value is immutable")];
        }

        return [];
    }
}
