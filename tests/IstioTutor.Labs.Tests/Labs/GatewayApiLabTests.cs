using IstioTutor.Core.Labs;
using IstioTutor.Core.Labs.Catalog;
using IstioTutor.Labs.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Labs.Tests.Labs;

/// <summary>
/// The labs that accept a Gateway API solution grade it with the same checker as the Istio API one (whose
/// end-to-end run is in <see cref="LabReferenceSolutionTests"/>, the Gateway API one's through the chat and the served
/// Gateway API in <see cref="GatewayApiLabChatTests"/>); fault injection says the Gateway API cannot do it.
/// </summary>
[Collection(TutorHostCollection.Name)]
public sealed class GatewayApiLabTests(TutorHostFixture host)
{
    private readonly LabGrading _grading = new(host);

    public static TheoryData<string> GatewayApiLabs() => ["bookinfo-gateway", "request-routing", "traffic-shifting", "timeouts-retries"];

    [Theory]
    [MemberData(nameof(GatewayApiLabs))]
    public async Task Gateway_API_solution_passes_the_same_check(string labId)
    {
        var learner = TutorHostFixture.NewLearner("gwapi");
        var lab = host.Services.GetRequiredService<LabCatalog>().Find(labId)!;

        var findings = await _grading.GradeAsync(labId, learner, lab.Definition.GatewayApiFor("unused"), versionServices: true);

        Assert.True(findings.Passed, string.Join(" | ", findings.All.Select(f => $"{f.Ok}: {f.Message}")));
    }

    [Theory]
    [MemberData(nameof(GatewayApiLabs))]
    public async Task Istio_API_solution_passes_the_same_check_beside_the_version_Services(string labId)
    {
        var learner = TutorHostFixture.NewLearner("istioapi");
        var lab = host.Services.GetRequiredService<LabCatalog>().Find(labId)!;

        var findings = await _grading.GradeAsync(labId, learner, lab.Definition.ReferenceFor("unused"), versionServices: true);

        Assert.True(findings.Passed, string.Join(" | ", findings.All.Select(f => $"{f.Ok}: {f.Message}")));
    }

    [Fact]
    public async Task An_HTTPRoute_sending_jason_to_the_wrong_version_fails_request_routing()
    {
        var wrong = new RequestRoutingLab().Definition.GatewayApiSolution[0].Replace("name: reviews-v2", "name: reviews-v3", StringComparison.Ordinal);

        var findings = await _grading.GradeAsync("request-routing", TutorHostFixture.NewLearner("gwwrong"), [wrong], versionServices: true);

        Assert.False(findings.Passed);
        Assert.Contains(findings.All, f => !f.Ok && f.Message.Contains("reached v2 0 of", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jumping_straight_to_100_percent_with_an_HTTPRoute_fails_traffic_shifting()
    {
        var findings = await _grading.GradeAsync("traffic-shifting", TutorHostFixture.NewLearner("gwjump"), [new TrafficShiftingLab().Definition.GatewayApiSolution[1]], versionServices: true);

        Assert.False(findings.Passed);
        Assert.Contains(findings.All, f => !f.Ok && f.Message.Contains("no 50/50 split", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_HTTPRoute_without_the_version_Services_fails_request_routing_with_500s()
    {
        var findings = await _grading.GradeAsync("request-routing", TutorHostFixture.NewLearner("gwnosvc"), new RequestRoutingLab().Definition.GatewayApiSolution);

        Assert.False(findings.Passed);
        Assert.Contains(findings.All, f => !f.Ok && f.Message.Contains("status 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_HTTPRoute_not_attached_to_the_Gateway_fails_bookinfo_gateway()
    {
        var wrong = new BookinfoGatewayLab().Definition.GatewayApiSolution[0].Replace("  - name: bookinfo-gateway\n", "  - name: other-gateway\n", StringComparison.Ordinal);

        var findings = await _grading.GradeAsync("bookinfo-gateway", TutorHostFixture.NewLearner("gwdetached"), [wrong]);

        Assert.False(findings.Passed);
        Assert.Contains(findings.All, f => !f.Ok && f.Message.StartsWith("No HTTPRoute names Gateway bookinfo-gateway", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_fault_injection_lab_says_the_Gateway_API_cannot_inject_faults()
    {
        var reply = await host.SendAsync(TutorHostFixture.NewLearner("gwfault"), "/lab fault-injection");

        Assert.Contains("Gateway API: The Gateway API has no fault injection", reply.Text, StringComparison.Ordinal);
    }
}
