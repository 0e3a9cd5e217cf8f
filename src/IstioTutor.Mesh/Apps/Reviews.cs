using System.Text.Json.Nodes;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Mesh.Apps;

/// <summary>
/// Bookinfo's reviews (Java/Liberty): two reviews of the book; v1 without ratings, v2 with black stars and
/// v3 with red, both from a call to ratings that carries the incoming trace headers and <c>end-user</c>.
/// When ratings fails (or is slower than reviews' client timeout: 10 s for v2, 2.5 s for v3) each review
/// says "Ratings service is currently unavailable".
/// </summary>
internal static class Reviews
{
    private static readonly string[] Propagated =
    [
        "x-request-id", "x-ot-span-context", "x-datadog-trace-id", "x-datadog-parent-id", "x-datadog-sampling-priority",
        "traceparent", "tracestate", "x-cloud-trace-context", "grpc-trace-bin", "x-b3-traceid", "x-b3-spanid",
        "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags", "sw8", "end-user", "user-agent", "cookie", "authorization", "jwt",
    ];

    public static AppReply Answer(AppRequest request, AppHost host)
    {
        var route = AppRoute.Parse(request.Path);
        var parts = route.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var ownMs = request.Pod.Version == "v1" ? 6 : 9;
        return parts switch
        {
            ["health"] => AppReplies.Json(200, new JsonObject { ["status"] = "Reviews is healthy" }, 1),
            ["reviews", var id] when int.TryParse(id, out var productId) => Review(request, host, productId, ownMs),
            _ => AppReplies.Text(404, "", 1, "text/html"),
        };
    }

    /// <summary>The star colour a version renders (the real images set it with STAR_COLOR), or null for no ratings.</summary>
    public static string? StarColor(string? version) => version switch
    {
        "v2" => "black",
        "v3" => "red",
        _ => null,
    };

    private static AppReply Review(AppRequest request, AppHost host, int productId, double ownMs)
    {
        var color = StarColor(request.Pod.Version);
        int? first = null, second = null;
        double elapsed = 0;
        if (color is not null)
        {
            var call = host.Call(request, new HttpCall(null, "ratings") { Port = 9080, Path = $"/ratings/{productId}", Headers = AppHost.Forward(request.Headers, Propagated) }, color == "black" ? 10_000 : 2_500);
            elapsed = call.ElapsedMs;
            if (call.Status == 200)
            {
                try
                {
                    var ratings = JsonNode.Parse(call.Exchange.Body)?["ratings"];
                    first = (int?)ratings?["Reviewer1"];
                    second = (int?)ratings?["Reviewer2"];
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
                {
                    // An unreadable ratings answer reads as no ratings, as the Java client's does.
                }
            }
            else
            {
                host.Log(request.Pod, $"Error: unable to contact http://ratings:9080/ratings got status of {call.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-1"}");
            }
        }

        var body = new JsonObject
        {
            ["id"] = productId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["podname"] = request.Pod.Name,
            ["clustername"] = "null",
            ["reviews"] = new JsonArray(
                Entry("Reviewer1", "An extremely entertaining play by Shakespeare. The slapstick humour is refreshing!", color, first),
                Entry("Reviewer2", "Absolutely fun and entertaining. The play lacks thematic depth when compared to other plays by Shakespeare.", color, second)),
        };
        return AppReplies.Json(200, body, ownMs + elapsed);
    }

    private static JsonObject Entry(string reviewer, string text, string? color, int? stars)
    {
        var entry = new JsonObject { ["reviewer"] = reviewer, ["text"] = text };
        if (color is not null)
        {
            entry["rating"] = stars is { } n
                ? new JsonObject { ["stars"] = n, ["color"] = color }
                : new JsonObject { ["error"] = "Ratings service is currently unavailable" };
        }

        return entry;
    }
}
