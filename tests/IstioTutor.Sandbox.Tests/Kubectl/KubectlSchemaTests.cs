using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Kubectl;

/// <summary>OpenAPI v3 from the CRDs: kubectl explain, and unknown fields reported as a real cluster reports them.</summary>
[Collection(SandboxCollection.Name)]
public sealed class KubectlSchemaTests(SandboxFixture fixture)
{
    private const string Misspelt = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: misspelt
        spec:
          hosts: [reviews]
          http:
          - rout:
            - destination:
                host: reviews
            route:
            - destination:
                host: reviews

        """;

    private readonly KubectlRunner _kubectl = new(fixture);

    [KubectlFact]
    public async Task Explain_virtualservice_spec_http_describes_the_field_and_lists_its_fields()
    {
        var result = await _kubectl.RunAsync("explain virtualservice.spec.http");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("KIND:       VirtualService", result.Stdout);
        Assert.Contains("FIELD: http <[]Object>", result.Stdout);
        Assert.Contains("An ordered list of route rules for HTTP traffic.", result.Stdout);
        Assert.Contains("fault\t<Object>", result.Stdout);
        Assert.Contains("retries\t<Object>", result.Stdout);
    }

    [KubectlFact]
    public async Task Explain_reaches_metadata_through_object_meta()
    {
        var result = await _kubectl.RunAsync("explain destinationrule.metadata.labels");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("FIELD: labels <map[string]string>", result.Stdout);
    }

    [KubectlFact]
    public async Task Apply_with_an_unknown_field_is_refused_by_strict_validation_and_nothing_is_stored()
    {
        var ns = fixture.NewNamespace("sstrict");

        var result = await _kubectl.RunAsync($"apply -n {ns} -f -", Misspelt);
        var get = await _kubectl.RunAsync($"get vs misspelt -n {ns}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error from server (BadRequest): error when creating \"STDIN\": VirtualService in version \"v1\" cannot be handled as a VirtualService: strict decoding error: unknown field \"spec.http[0].rout\"", result.Stderr);
        Assert.Contains("NotFound", get.Stderr);
    }

    [KubectlFact]
    public async Task Apply_with_validate_warn_prints_the_warning_and_stores_the_object_without_the_field()
    {
        var ns = fixture.NewNamespace("swarn");

        var result = await _kubectl.RunAsync($"apply -n {ns} --validate=warn -f -", Misspelt);
        var stored = await _kubectl.RunAsync($"get vs misspelt -n {ns} -o jsonpath={{.spec.http[0]}}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Warning: unknown field \"spec.http[0].rout\"", result.Stderr);
        Assert.Contains("virtualservice.networking.istio.io/misspelt created", result.Stdout);
        Assert.DoesNotContain("rout\"", stored.Stdout);
        Assert.Contains("\"route\"", stored.Stdout);
    }

    [KubectlFact]
    public async Task Apply_with_validation_off_stores_the_object_silently_without_the_field()
    {
        var ns = fixture.NewNamespace("signore");

        var result = await _kubectl.RunAsync($"apply -n {ns} --validate=false -f -", Misspelt);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("unknown field", result.Stderr);
    }
}
