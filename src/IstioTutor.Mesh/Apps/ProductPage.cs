using System.Text.Json.Nodes;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Mesh.Apps;

/// <summary>
/// Bookinfo's productpage (Python/Flask): the HTML page built from details and reviews, its JSON API, and
/// sign-in through a session cookie. Calls carry the incoming trace headers, and <c>end-user</c> once
/// someone has signed in — which is what header-matching routes in Istio's tasks key on.
/// </summary>
internal static class ProductPage
{
    /// <summary>The headers productpage forwards (samples/bookinfo/src/productpage), lower-cased.</summary>
    private static readonly string[] Propagated =
    [
        "x-request-id", "x-ot-span-context", "x-datadog-trace-id", "x-datadog-parent-id", "x-datadog-sampling-priority",
        "traceparent", "tracestate", "x-cloud-trace-context", "grpc-trace-bin", "x-b3-traceid", "x-b3-spanid",
        "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags", "sw8", "user-agent", "cookie", "authorization", "jwt",
    ];

    /// <summary>requests.get(..., timeout=3.0) in productpage.</summary>
    private const double CallTimeoutMs = 3000;

    private const double OwnWorkMs = 8;

    public static AppReply Answer(AppRequest request, AppHost host)
    {
        var route = AppRoute.Parse(request.Path);
        var user = BookinfoSession.User(request.Headers.GetValueOrDefault("cookie"));
        var reply = (request.Method, route.Path) switch
        {
            ("GET" or "HEAD", "/" or "/index.html") => AppReplies.Html(200, ProductPageHtml.Index(), OwnWorkMs),
            ("GET" or "HEAD", "/health") => AppReplies.Text(200, "Product page is healthy", 1, "text/html; charset=utf-8"),
            ("POST", "/login") => Login(request, host),
            ("GET" or "HEAD", "/logout") => Logout(request),
            ("GET" or "HEAD", "/productpage") => Page(request, host, user),
            ("GET" or "HEAD", "/api/v1/products") => AppReplies.Json(200, new JsonArray(Product()), 2),
            ("GET" or "HEAD", _) when Api(route.Path) is { } api => ApiCall(request, host, user, api),
            (_, "/login" or "/productpage" or "/logout") => AppReplies.Html(405, "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n", 1),
            _ => AppReplies.FlaskNotFound(1),
        };
        host.Log(request.Pod, $"INFO:werkzeug:127.0.0.6 - - [{AppHost.Clf(host.Now)}] \"{request.Method} {request.Path} HTTP/1.1\" {reply.Status} -");
        return reply;
    }

    public static JsonObject Product() => new()
    {
        ["id"] = 0,
        ["title"] = "The Comedy of Errors",
        ["descriptionHtml"] = "<a href=\"https://en.wikipedia.org/wiki/The_Comedy_of_Errors\">Wikipedia Summary</a>: The Comedy of Errors is one of <b>William Shakespeare's</b> early plays. It is his shortest and one of his most farcical comedies, with a major part of the humour coming from slapstick and mistaken identity, in addition to puns and word play.",
    };

    private static AppReply Page(AppRequest request, AppHost host, string? user)
    {
        var headers = Headers(request, user);
        var (detailsStatus, details, detailsMs) = Details(request, host, headers);
        var (reviewsStatus, reviews, reviewsMs) = Reviews(request, host, headers);
        var html = ProductPageHtml.Page(user, detailsStatus == 200 ? details : null, reviewsStatus == 200 ? reviews : null);
        return AppReplies.Html(200, html, OwnWorkMs + detailsMs + reviewsMs);
    }

    private static AppReply ApiCall(AppRequest request, AppHost host, string? user, (string Id, string? Part) api)
    {
        var headers = Headers(request, user);
        var (status, body, ms) = api.Part switch
        {
            null => Details(request, host, headers, api.Id),
            "reviews" => Reviews(request, host, headers, api.Id),
            _ => Ratings(request, host, headers, api.Id),
        };
        return AppReplies.Json(status, body, 2 + ms);
    }

    private static (int Status, JsonObject Body, double Ms) Details(AppRequest request, AppHost host, Dictionary<string, string> headers, string id = "0")
    {
        var call = host.Call(request, new HttpCall(null, "details") { Port = 9080, Path = $"/details/{id}", Headers = headers }, CallTimeoutMs);
        return call.Status == 200 && Parse(call.Exchange.Body) is { } details
            ? (200, details, call.ElapsedMs)
            : (call.Status ?? 500, new JsonObject { ["error"] = "Sorry, product details are currently unavailable for this book." }, call.ElapsedMs);
    }

    /// <summary>productpage asks reviews up to twice before it gives up on them.</summary>
    private static (int Status, JsonObject Body, double Ms) Reviews(AppRequest request, AppHost host, Dictionary<string, string> headers, string id = "0")
    {
        double elapsed = 0;
        int? status = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var call = host.Call(request, new HttpCall(null, "reviews") { Port = 9080, Path = $"/reviews/{id}", Headers = headers, Seed = attempt + 1 }, CallTimeoutMs);
            elapsed += call.ElapsedMs;
            status = call.Status;
            if (call.Status == 200 && Parse(call.Exchange.Body) is { } reviews)
            {
                return (200, reviews, elapsed);
            }
        }

        return (status ?? 500, new JsonObject { ["error"] = "Sorry, product reviews are currently unavailable for this book." }, elapsed);
    }

    private static (int Status, JsonObject Body, double Ms) Ratings(AppRequest request, AppHost host, Dictionary<string, string> headers, string id)
    {
        var call = host.Call(request, new HttpCall(null, "ratings") { Port = 9080, Path = $"/ratings/{id}", Headers = headers }, CallTimeoutMs);
        return call.Status == 200 && Parse(call.Exchange.Body) is { } ratings
            ? (200, ratings, call.ElapsedMs)
            : (call.Status ?? 500, new JsonObject { ["error"] = "Sorry, product ratings are currently unavailable for this book." }, call.ElapsedMs);
    }

    private static AppReply Login(AppRequest request, AppHost host)
    {
        var user = AppRoute.FormFields(request.Body).Concat(AppRoute.Parse(request.Path).Query).FirstOrDefault(f => f.Key == "username").Value;
        var location = request.Headers.GetValueOrDefault("referer") ?? "/productpage";
        var cookie = $"{BookinfoSession.CookieName}={BookinfoSession.Encode(user ?? "", host.Now)}; HttpOnly; Path=/";
        return Redirect(location, cookie);
    }

    private static AppReply Logout(AppRequest request)
    {
        var location = request.Headers.GetValueOrDefault("referer") ?? "/productpage";
        return Redirect(location, $"{BookinfoSession.CookieName}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/");
    }

    private static AppReply Redirect(string location, string cookie) => new(302,
        [KeyValuePair.Create("content-type", "text/html; charset=utf-8"), KeyValuePair.Create("location", location), KeyValuePair.Create("set-cookie", cookie)],
        $"<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href=\"{System.Net.WebUtility.HtmlEncode(location)}\">{System.Net.WebUtility.HtmlEncode(location)}</a>. If not, click the link.\n",
        3);

    private static Dictionary<string, string> Headers(AppRequest request, string? user)
    {
        var headers = AppHost.Forward(request.Headers, Propagated);
        if (!string.IsNullOrEmpty(user))
        {
            headers["end-user"] = user;
        }

        return headers;
    }

    /// <summary>/api/v1/products/ID[/reviews|/ratings].</summary>
    private static (string Id, string? Part)? Api(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            ["api", "v1", "products", var id] => (id, null),
            ["api", "v1", "products", var id, "reviews" or "ratings"] => (id, parts[4]),
            _ => null,
        };
    }

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
