using System.Text.Json.Nodes;
using IstioTutor.Mesh.Apps;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Tests.Mesh;

/// <summary>The sample apps answer one simulated request as the real images do.</summary>
public sealed class SampleAppsTests
{
    private readonly TrafficSimulator _simulator = new();
    private readonly Activity _activity = new();
    private readonly SampleApps _apps;

    public SampleAppsTests() => _apps = new SampleApps(TimeProvider.System, _activity);

    private static MeshModel Model(params string[] config) => MeshModel.From(Bookinfo.Snapshot([.. config.Select(Bookinfo.Config)], []));

    private static string ReviewsTo(string subset) =>
        $$$"""{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews","subset":"{{{subset}}}"}}]}]}}""";

    [Fact]
    public void Reviews_v1_lists_two_reviews_without_ratings()
    {
        var exchange = _simulator.Send(Model(Bookinfo.ReviewsSubsets, ReviewsTo("v1")), new HttpCall("productpage", "reviews") { Path = "/reviews/0" }, _apps);

        var body = JsonNode.Parse(exchange.Body)!;
        Assert.Equal(2, body["reviews"]!.AsArray().Count);
        Assert.All(body["reviews"]!.AsArray(), r => Assert.Null(r!["rating"]));
        Assert.Equal("reviews-v1-0", (string?)body["podname"]);
    }

    [Fact]
    public void Reviews_v3_rates_with_red_stars_from_ratings()
    {
        var exchange = _simulator.Send(Model(Bookinfo.ReviewsSubsets, ReviewsTo("v3")), new HttpCall("productpage", "reviews") { Path = "/reviews/0" }, _apps);

        var rating = JsonNode.Parse(exchange.Body)!["reviews"]![0]!["rating"]!;
        Assert.Equal(5, (int)rating["stars"]!);
        Assert.Equal("red", (string?)rating["color"]);
        Assert.Contains(_activity.Calls, c => c.From.App == "reviews" && c.Exchange.Call.Host == "ratings");
    }

    [Fact]
    public void Productpage_draws_black_stars_for_reviews_v2()
    {
        var exchange = _simulator.Send(Model(Bookinfo.ReviewsSubsets, ReviewsTo("v2")), new HttpCall(null, "productpage") { Path = "/productpage" }, _apps);

        Assert.Contains("<title>Simple Bookstore App</title>", exchange.Body, StringComparison.Ordinal);
        Assert.Contains("text-black-500", exchange.Body, StringComparison.Ordinal);
        Assert.Equal(9, CountOf(exchange.Body, "id=\"glyphicon glyphicon-star\""));
    }

    [Fact]
    public void Productpage_says_reviews_are_unavailable_when_reviews_fails()
    {
        var call = new HttpCall(null, "productpage") { Path = "/productpage", Behaviours = new Dictionary<string, WorkloadBehaviour> { ["reviews"] = new(FailureRate: 1) } };

        var exchange = _simulator.Send(Model(), call, _apps);

        Assert.Equal(200, exchange.Status);
        Assert.Contains("Sorry, product reviews are currently unavailable for this book.", exchange.Body, StringComparison.Ordinal);
        Assert.Contains("Book Details", exchange.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Productpage_says_details_failed_when_details_fails()
    {
        var call = new HttpCall(null, "productpage") { Path = "/productpage", Behaviours = new Dictionary<string, WorkloadBehaviour> { ["details"] = new(FailureRate: 1) } };

        var exchange = _simulator.Send(Model(), call, _apps);

        Assert.Contains("Error fetching product details", exchange.Body, StringComparison.Ordinal);
        Assert.Contains("Sorry, product details are currently unavailable for this book.", exchange.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_in_user_reaches_reviews_and_ratings_as_end_user()
    {
        var model = Model(Bookinfo.ReviewsSubsets, ReviewsTo("v2"),
            """{"kind":"VirtualService","metadata":{"name":"ratings","namespace":"NS"},"spec":{"hosts":["ratings"],"http":[{"match":[{"headers":{"end-user":{"exact":"jason"}}}],"fault":{"abort":{"percentage":{"value":100},"httpStatus":500}},"route":[{"destination":{"host":"ratings"}}]},{"route":[{"destination":{"host":"ratings"}}]}]}}""");
        var login = _simulator.Send(model, new HttpCall(null, "productpage") { Method = "POST", Path = "/login", Body = "username=jason&passwd=x" }, _apps);
        var cookie = login.Headers.First(h => h.Key == "set-cookie").Value.Split(';')[0];

        var signedIn = _simulator.Send(model, new HttpCall(null, "productpage") { Path = "/productpage", Headers = new Dictionary<string, string> { ["cookie"] = cookie } }, _apps);
        var anonymous = _simulator.Send(model, new HttpCall(null, "productpage") { Path = "/productpage" }, _apps);

        Assert.Equal(302, login.Status);
        Assert.Contains("Ratings service is currently unavailable", signedIn.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Ratings service is currently unavailable", anonymous.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Httpbin_headers_echo_what_the_app_received_including_the_client_certificate()
    {
        var exchange = _simulator.Send(WithApp("httpbin", "v1", 8000, 8080), new HttpCall("productpage", "httpbin") { Port = 8000, Path = "/headers", Headers = new Dictionary<string, string> { ["x-test"] = "one" } }, _apps);

        var headers = JsonNode.Parse(exchange.Body)!["headers"]!;
        Assert.Equal("one", (string?)headers["X-Test"]![0]);
        Assert.StartsWith("By=spiffe://cluster.local/ns/learn-alice/sa/bookinfo-httpbin", (string?)headers["X-Forwarded-Client-Cert"]![0], StringComparison.Ordinal);
        Assert.Equal(exchange.RequestId, (string?)headers["X-Request-Id"]![0]);
    }

    [Fact]
    public void Httpbin_status_answers_the_code_asked_for()
    {
        var exchange = _simulator.Send(WithApp("httpbin", "v1", 8000, 8080), new HttpCall("productpage", "httpbin") { Port = 8000, Path = "/status/418" }, _apps);

        Assert.Equal(418, exchange.Status);
        Assert.Equal("I'm a teapot!", exchange.Body);
    }

    [Fact]
    public void Httpbin_delay_takes_the_seconds_asked_for()
    {
        var exchange = _simulator.Send(WithApp("httpbin", "v1", 8000, 8080), new HttpCall("productpage", "httpbin") { Port = 8000, Path = "/delay/3" }, _apps);

        Assert.Equal(200, exchange.Status);
        Assert.InRange(exchange.DurationMs, 3000, 3100);
    }

    [Fact]
    public void Helloworld_names_its_version_and_pod()
    {
        var exchange = _simulator.Send(WithApp("helloworld", "v2", 5000, 5000), new HttpCall("productpage", "helloworld") { Port = 5000, Path = "/hello" }, _apps);

        Assert.Equal("Hello version: v2, instance: helloworld-v2-0\n", exchange.Body);
    }

    [Fact]
    public void An_app_logs_each_request_it_serves()
    {
        _simulator.Send(Model(), new HttpCall(null, "details") { Path = "/details/0" }, _apps);

        var (pod, container, line) = Assert.Single(_activity.Lines);
        Assert.Equal("details", pod.App);
        Assert.Equal("details", container);
        Assert.Contains("\"GET /details/0 HTTP/1.1\" 200 178", line, StringComparison.Ordinal);
    }

    private static MeshModel WithApp(string app, string version, int port, int targetPort)
    {
        var snapshot = Bookinfo.Snapshot(Array.Empty<JsonObject>(), Array.Empty<JsonObject>(), Bookinfo.Pod(app, version));
        var service = Bookinfo.Config($$$"""{"kind":"Service","metadata":{"name":"{{{app}}}","namespace":"NS"},"spec":{"selector":{"app":"{{{app}}}"},"ports":[{"name":"http","port":{{{port}}},"targetPort":{{{targetPort}}}}]}}""");
        return MeshModel.From(snapshot with { Services = [.. snapshot.Services, service] });
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private sealed class Activity : IAppActivity
    {
        public List<(WorkloadInfo Pod, string Container, string Line)> Lines { get; } = [];

        public List<(WorkloadInfo From, HttpExchange Exchange)> Calls { get; } = [];

        public void Logged(WorkloadInfo pod, string container, string line) => Lines.Add((pod, container, line));

        public void Called(WorkloadInfo from, HttpExchange exchange) => Calls.Add((from, exchange));
    }
}
