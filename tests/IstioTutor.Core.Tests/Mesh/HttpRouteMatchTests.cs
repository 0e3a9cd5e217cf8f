using System.Text.Json.Nodes;
using IstioTutor.Mesh.Routing;

namespace IstioTutor.Core.Tests.Mesh;

public sealed class HttpRouteMatchTests
{
    private static RouteRequest Request(Dictionary<string, string>? headers = null, string path = "/reviews/1", int port = 9080) =>
        new(path, "GET", "http", "reviews", headers ?? [], new Dictionary<string, string>(), port, "learn-a", new Dictionary<string, string> { ["app"] = "productpage" });

    private static HttpRouteMatch Read(string json) => HttpRouteMatch.FromVirtualService(JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void A_header_match_requires_the_header_with_a_matching_value()
    {
        var match = Read("""{"headers": {"End-User": {"exact": "jason"}}}""");

        Assert.True(match.Matches(Request(new() { ["end-user"] = "jason" })));
        Assert.False(match.Matches(Request(new() { ["end-user"] = "alice" })));
        Assert.False(match.Matches(Request()));
    }

    [Fact]
    public void Without_headers_rejects_a_request_that_carries_a_matching_header()
    {
        var match = Read("""{"withoutHeaders": {"x-canary": {"exact": "1"}}}""");

        Assert.False(match.Matches(Request(new() { ["x-canary"] = "1" })));
        Assert.True(match.Matches(Request()));
    }

    [Fact]
    public void Every_given_condition_must_hold()
    {
        var match = Read("""{"uri": {"prefix": "/reviews"}, "port": 9080, "sourceLabels": {"app": "productpage"}}""");

        Assert.True(match.Matches(Request()));
        Assert.False(match.Matches(Request(port: 80)));
        Assert.False(match.Matches(Request(path: "/ratings")));
    }

    [Fact]
    public void A_query_string_is_split_from_the_path()
    {
        var (path, query) = RouteRequest.SplitQuery("/reviews?user=jason&debug");

        Assert.Equal("/reviews", path);
        Assert.Equal("jason", query["user"]);
        Assert.Equal("", query["debug"]);
    }
}
