using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;

namespace IstioTutor.Core.Tests.Mesh;

/// <summary>IstioValidator on Gateway API kinds: the CRD rules, not Istio's webhook rules keyed by the same Kind name.</summary>
public sealed class GatewayApiValidatorTests
{
    private readonly IstioValidator _validator = new();

    [Fact]
    public void A_gateway_api_gateway_is_not_checked_against_istios_gateway_rules()
    {
        var gateway = JsonNode.Parse("""{"apiVersion":"gateway.networking.k8s.io/v1","kind":"Gateway","metadata":{"name":"gw","namespace":"learn-a"},"spec":{"gatewayClassName":"istio","listeners":[{"name":"http","port":80,"protocol":"HTTP"}]}}""")!.AsObject();

        var outcome = _validator.Validate(ResourceKinds.K8sGateway, gateway);

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors));
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void A_gateway_api_object_without_spec_is_refused()
    {
        var route = JsonNode.Parse("""{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"r","namespace":"learn-a"}}""")!.AsObject();

        var outcome = _validator.Validate(ResourceKinds.HttpRoute, route);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("spec", error.Field);
        Assert.Equal("Required value", error.Message);
    }

    [Fact]
    public void A_misspelt_field_is_a_warning_and_a_cause_for_strict_validation()
    {
        var route = JsonNode.Parse("""{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"r","namespace":"learn-a"},"spec":{"rules":[{"backendRef":[{"name":"a","port":80}]}]}}""")!.AsObject();

        var outcome = _validator.Validate(ResourceKinds.HttpRoute, route);

        Assert.True(outcome.IsValid);
        Assert.Equal(["spec.rules[0].backendRef: unknown field \"spec.rules[0].backendRef\""], outcome.Warnings);
        Assert.Equal("spec.rules[0].backendRef", Assert.Single(_validator.FindUnknownFields(ResourceKinds.HttpRoute, route)).Field);
    }

    [Fact]
    public void Weights_at_the_bounds_are_accepted()
    {
        var route = JsonNode.Parse("""{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"r","namespace":"learn-a"},"spec":{"rules":[{"backendRefs":[{"name":"a","port":80,"weight":0},{"name":"b","port":80,"weight":1000000}]}]}}""")!.AsObject();

        Assert.True(_validator.Validate(ResourceKinds.HttpRoute, route).IsValid);
    }
}
