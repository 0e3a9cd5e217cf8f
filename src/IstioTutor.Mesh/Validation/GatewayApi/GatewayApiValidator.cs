using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation.GatewayApi;

/// <summary>
/// Validates Gateway API objects as the API server does with the CRDs' OpenAPI schemas and CEL rules
/// (kubernetes-sigs/gateway-api v1.3, the version istio.io installs). There is no admission webhook for
/// these kinds in Istio, so every refusal is the API server's own 422.
/// </summary>
internal static class GatewayApiValidator
{
    public static void Validate(ResourceKind kind, JsonObject resource, ValidationSink sink)
    {
        var spec = new Field("spec", resource["spec"], sink);
        if (resource["spec"] is null)
        {
            // Every Gateway API kind requires spec.
            sink.Error("spec", "Required value");
            return;
        }

        if (!spec.CheckObject())
        {
            return;
        }

        switch (kind.Kind)
        {
            case "Gateway":
                GatewaySpecRules.Validate(spec);
                break;
            case "GatewayClass":
                GatewayClassRules.Validate(spec);
                break;
            case "HTTPRoute":
                HttpRouteRules.Validate(spec);
                break;
            case "GRPCRoute":
                GrpcRouteRules.Validate(spec);
                break;
            case "ReferenceGrant":
                ReferenceGrantRules.Validate(spec);
                break;
            case "TCPRoute":
                L4RouteRules.Validate(spec, tls: false);
                break;
            case "TLSRoute":
                L4RouteRules.Validate(spec, tls: true);
                break;
        }

        foreach (var unknown in KnownFields.Unknown(kind.Kind, (JsonObject)spec.Node!))
        {
            // The API server's wording under field validation "Warn", as for Istio's kinds.
            sink.Warn(unknown, $"unknown field \"{unknown}\"");
        }
    }
}
