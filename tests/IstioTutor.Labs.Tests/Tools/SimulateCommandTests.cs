using IstioTutor.Labs.Tests.Fixtures;

namespace IstioTutor.Labs.Tests.Tools;

[Collection(TutorHostCollection.Name)]
public sealed class SimulateCommandTests(TutorHostFixture host)
{
    // Only POST /ratings-only is routed; anything else has no matching rule and gets 404.
    private const string PathAndMethodRoute = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts:
          - reviews
          http:
          - match:
            - uri:
                prefix: /ratings-only
              method:
                exact: POST
            route:
            - destination:
                host: reviews
        """;

    [Fact]
    public async Task Simulate_with_path_and_method_follows_a_rule_that_matches_only_them()
    {
        var learner = TutorHostFixture.NewLearner("simpath");
        await host.ApplyAndConfirmAsync(learner, PathAndMethodRoute);

        var matched = await host.SendAsync(learner, "/simulate reviews --from productpage --count 20 --path /ratings-only --method post");
        var unmatched = await host.SendAsync(learner, "/simulate reviews --from productpage --count 20");

        Assert.Contains("status 200×20", matched.Text, StringComparison.Ordinal);
        Assert.Contains("status 404×20", unmatched.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--path productpage", "The path 'productpage' must start with '/'")]
    [InlineData("--method FETCH", "The method 'FETCH' is not one of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS")]
    public async Task Simulate_with_a_bad_path_or_method_says_what_is_wrong(string option, string expected)
    {
        var learner = TutorHostFixture.NewLearner("simbad");

        var reply = await host.SendAsync(learner, "/simulate reviews --from productpage " + option);

        Assert.StartsWith("Not done: " + expected, reply.Text, StringComparison.Ordinal);
    }
}
