namespace IstioTutor.Sandbox.Workloads;

/// <summary>
/// The images the sandbox knows how to run: Istio's samples (samples/curl, httpbin, helloworld, fortio,
/// tcp-echo, Bookinfo) and Istio's own components. Recognised by repository, whatever the registry
/// (docker.io, registry.istio.io/release, ...) and tag. Anything else is kept as an inert workload.
/// </summary>
internal static class SampleCatalogue
{
    private static readonly (string Repository, SampleApp App)[] Known =
    [
        ("curlimages/curl", new SampleApp("curl", "", null)),
        ("istio/curl", new SampleApp("curl", "", null)),
        ("mccutchen/go-httpbin", new SampleApp("httpbin", "", null)),
        ("kong/httpbin", new SampleApp("httpbin", "", null)),
        ("kennethreitz/httpbin", new SampleApp("httpbin", "", null)),
        ("examples-helloworld-v1", new SampleApp("helloworld-v1", "", null)),
        ("examples-helloworld-v2", new SampleApp("helloworld-v2", "", null)),
        ("fortio/fortio", new SampleApp("fortio", "", null)),
        ("tcp-echo-server", new SampleApp("tcp-echo", "", null)),
        ("examples-bookinfo-productpage-v1", new SampleApp("productpage-v1", "details,reviews", null)),
        ("examples-bookinfo-details-v1", new SampleApp("details-v1", "", null)),
        ("examples-bookinfo-details-v2", new SampleApp("details-v2", "", null)),
        ("examples-bookinfo-reviews-v1", new SampleApp("reviews-v1", "", "none")),
        ("examples-bookinfo-reviews-v2", new SampleApp("reviews-v2", "ratings", "black")),
        ("examples-bookinfo-reviews-v3", new SampleApp("reviews-v3", "ratings", "red")),
        ("examples-bookinfo-ratings-v1", new SampleApp("ratings-v1", "", null)),
        ("examples-bookinfo-ratings-v2", new SampleApp("ratings-v2", "", null)),
        ("istio/pilot", new SampleApp("istiod", "", null)),
        ("istio/proxyv2", new SampleApp("istio-proxy", "", null)),
    ];

    /// <summary>Names of the runnable samples, for messages.</summary>
    public const string Summary = "curl, httpbin, helloworld v1/v2, fortio, tcp-echo and Bookinfo (productpage, details, reviews v1-v3, ratings)";

    /// <summary>The sample an image runs, or null when the sandbox cannot run it.</summary>
    public static SampleApp? Recognise(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return null;
        }

        var repository = image.Split('@')[0];
        var lastSlash = repository.LastIndexOf('/');
        var colon = repository.LastIndexOf(':');
        if (colon > lastSlash)
        {
            repository = repository[..colon];
        }

        foreach (var (known, app) in Known)
        {
            if (repository == known || repository.EndsWith("/" + known, StringComparison.Ordinal))
            {
                return app;
            }
        }

        return null;
    }
}

/// <summary>A runnable sample: its name, the services it calls per request and (Bookinfo reviews) the stars it shows.</summary>
internal sealed record SampleApp(string Name, string Calls, string? Stars);
