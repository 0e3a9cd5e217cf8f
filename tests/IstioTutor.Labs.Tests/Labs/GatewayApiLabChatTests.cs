using IstioTutor.Core.Labs;
using IstioTutor.Core.Labs.Catalog;
using IstioTutor.Core.Turns;
using IstioTutor.Labs.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Labs.Tests.Labs;

/// <summary>
/// The Gateway API tab of the routing labs as a learner does it: version Services with kubectl (the guard leaves
/// Services to kubectl), HTTPRoutes through the chat's /apply and /confirm into the served Gateway API, then /check.
/// </summary>
[Collection(TutorHostCollection.Name)]
public sealed class GatewayApiLabChatTests(TutorHostFixture host)
{
    private readonly LearnerKubectl _kubectl = new(host);

    [KubectlTheory]
    [InlineData("request-routing")]
    [InlineData("traffic-shifting")]
    public async Task Gateway_API_reference_solution_applied_through_apply_and_confirm_passes_check(string labId)
    {
        var learner = await LearnerWithVersionServicesAsync("gwchat");
        var lab = host.Services.GetRequiredService<LabCatalog>().Find(labId)!;
        foreach (var manifest in lab.Definition.GatewayApiFor(LearnerIds.NamespaceOf(learner)))
        {
            await host.ApplyAndConfirmAsync(learner, manifest);
        }

        var result = await host.SendAsync(learner, "/check " + labId);

        Assert.NotNull(result.Check);
        Assert.True(result.Check!.Passed, result.Text);
        Assert.Contains("simulated sandbox", result.Check.Method, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task The_applied_HTTPRoute_is_stored_in_the_sandbox_and_accepted_by_istios_controller()
    {
        var learner = await LearnerWithVersionServicesAsync("gwstatus");
        await host.ApplyAndConfirmAsync(learner, new RequestRoutingLab().Definition.GatewayApiSolution[0]);

        var conditions = await _kubectl.RunAsync(null, "get", "httproute", "reviews", "-n", LearnerIds.NamespaceOf(learner),
            "-o", "jsonpath={range .status.parents[*].conditions[*]}{.type}={.status} {end}");

        Assert.Equal("Accepted=True ResolvedRefs=True", conditions.Trim());
    }

    [KubectlFact]
    public async Task An_HTTPRoute_sending_jason_to_reviews_v3_fails_request_routing_check()
    {
        var learner = await LearnerWithVersionServicesAsync("gwchatwrong");
        var wrong = new RequestRoutingLab().Definition.GatewayApiSolution[0].Replace("name: reviews-v2", "name: reviews-v3", StringComparison.Ordinal);
        await host.ApplyAndConfirmAsync(learner, wrong);

        var result = await host.SendAsync(learner, "/check request-routing");

        Assert.NotNull(result.Check);
        Assert.False(result.Check!.Passed);
        Assert.Contains("reached v2 0 of", result.Text, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Jumping_straight_to_reviews_v3_with_an_HTTPRoute_fails_traffic_shifting_check()
    {
        var learner = await LearnerWithVersionServicesAsync("gwchatjump");
        await host.ApplyAndConfirmAsync(learner, new TrafficShiftingLab().Definition.GatewayApiSolution[1]);

        var result = await host.SendAsync(learner, "/check traffic-shifting");

        Assert.NotNull(result.Check);
        Assert.False(result.Check!.Passed);
        Assert.Contains("no 50/50 split", result.Text, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Without_the_version_Services_the_Gateway_API_solution_fails_request_routing_check()
    {
        var learner = TutorHostFixture.NewLearner("gwchatnosvc");
        await host.ApplyAndConfirmAsync(learner, new RequestRoutingLab().Definition.GatewayApiSolution[0]);

        var result = await host.SendAsync(learner, "/check request-routing");

        Assert.NotNull(result.Check);
        Assert.False(result.Check!.Passed);
        Assert.Contains("status 500", result.Text, StringComparison.Ordinal);
    }

    private async Task<string> LearnerWithVersionServicesAsync(string prefix)
    {
        var learner = TutorHostFixture.NewLearner(prefix);
        var ns = LearnerIds.NamespaceOf(learner);
        await host.SendAsync(learner, "/status");
        await host.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);
        await _kubectl.ApplyVersionServicesAsync(ns);
        return learner;
    }
}
