using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation.GatewayApi;

namespace IstioTutor.Mesh.Validation;

/// <summary>
/// Validates Istio objects as the API server (CRD schema and CEL rules) and Istio's validating webhook
/// (pkg/config/validation) would, and Gateway API objects as their CRD schemas and CEL rules do, returning per-field causes for a 422. Pure: no I/O, no cluster.
/// Unknown spec fields are warnings here, as the API server's default field validation ("Warn")
/// reports them; <see cref="FindUnknownFields"/> gives them as causes for Strict requests.
/// </summary>
public sealed class IstioValidator : IResourceValidator
{
    private readonly Dictionary<string, IKindRules> _rules;

    public IstioValidator()
    {
        IKindRules[] rules =
        [
            new VirtualServiceRules(), new DestinationRuleRules(), new GatewayRules(), new ServiceEntryRules(),
            new SidecarRules(), new WorkloadEntryRules(), new WorkloadGroupRules(), new EnvoyFilterRules(),
            new PeerAuthenticationRules(), new AuthorizationPolicyRules(), new RequestAuthenticationRules(),
            new TelemetryRules(), new WasmPluginRules(),
        ];
        _rules = rules.ToDictionary(r => r.Kind, StringComparer.Ordinal);
    }

    public ValidationOutcome Validate(ResourceKind kind, JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(resource);
        if (ResourceKinds.IsGatewayApi(kind.Group))
        {
            var gatewayApi = new ValidationSink();
            GatewayApiValidator.Validate(kind, resource, gatewayApi);
            return gatewayApi.ToOutcome();
        }

        // Rules are keyed by Kind, and the Gateway API has its own "Gateway": only Istio's groups reach them.
        if (!kind.IstioConfig || !_rules.TryGetValue(kind.Kind, out var rules))
        {
            return ValidationOutcome.Valid;
        }

        var sink = new ValidationSink();
        var metadata = resource["metadata"] as JsonObject;
        var identity = new ResourceIdentity(
            metadata?["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? metadata["name"]!.GetValue<string>() : "",
            metadata?["namespace"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? metadata["namespace"]!.GetValue<string>() : "");

        var spec = new Field("spec", resource["spec"], sink);
        if (resource["spec"] is null)
        {
            // An absent spec is an empty one for the webhook; the rules then report what is missing.
            spec = new Field("spec", new JsonObject(), sink);
        }

        if (!spec.CheckObject())
        {
            return sink.ToOutcome();
        }

        rules.Validate(spec, identity);
        foreach (var unknown in SpecSchema.UnknownFields(kind.Kind, (JsonObject)spec.Node!))
        {
            sink.Warn(unknown.Field, unknown.Message);
        }

        return sink.ToOutcome();
    }

    /// <summary>Fields under spec that the kind's schema does not declare, as Strict field validation rejects them.</summary>
    public IReadOnlyList<FieldCause> FindUnknownFields(ResourceKind kind, JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(resource);
        if (resource["spec"] is not JsonObject spec)
        {
            return [];
        }

        return ResourceKinds.IsGatewayApi(kind.Group)
            ? KnownFields.Unknown(kind.Kind, spec).Select(f => new FieldCause(f, $"unknown field \"{f}\"")).ToList()
            : SpecSchema.UnknownFields(kind.Kind, spec);
    }
}
