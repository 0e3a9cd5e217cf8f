using System.Globalization;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Mesh.Apps;

/// <summary>
/// httpbin as Istio's sample runs it (go-httpbin): /headers echoes the headers the app received (after
/// the proxies, so X-Forwarded-Client-Cert shows mTLS), /status/N answers N, /delay/N takes N seconds
/// (at most 10), /ip, /get, /anything, /user-agent, /uuid. Header names print in Go's canonical form.
/// </summary>
internal static class Httpbin
{
    private const double MaxDelaySeconds = 10;

    public static AppReply Answer(AppRequest request, AppHost host)
    {
        var route = AppRoute.Parse(request.Path);
        var parts = route.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var reply = parts switch
        {
            ["headers"] => AppReplies.Json(200, new JsonObject { ["headers"] = Headers(request) }, 1, indented: true),
            ["ip"] => AppReplies.Json(200, new JsonObject { ["origin"] = Origin(request) }, 1, indented: true),
            ["user-agent"] => AppReplies.Json(200, new JsonObject { ["user-agent"] = request.Headers.GetValueOrDefault("user-agent") ?? "" }, 1, indented: true),
            ["uuid"] => AppReplies.Json(200, new JsonObject { ["uuid"] = Guid.NewGuid().ToString() }, 1, indented: true),
            ["get"] when request.Method is "GET" or "HEAD" => AppReplies.Json(200, Echo(request, route, withBody: false), 1, indented: true),
            ["get"] => MethodNotAllowed(),
            ["anything", ..] => AppReplies.Json(200, Echo(request, route, withBody: true), 1, indented: true),
            ["post" or "put" or "patch" or "delete"] when string.Equals(parts[0], request.Method, StringComparison.OrdinalIgnoreCase) => AppReplies.Json(200, Echo(request, route, withBody: true), 1, indented: true),
            ["status", var codes] => Status(codes, request),
            ["delay", var seconds] => Delay(seconds, request, route),
            ["html"] => AppReplies.Html(200, "<!DOCTYPE html>\n<html>\n  <head>\n  </head>\n  <body>\n      <h1>Herman Melville - Moby-Dick</h1>\n  </body>\n</html>\n", 1),
            [] => AppReplies.Html(200, "<!DOCTYPE html>\n<html><head><title>go-httpbin</title></head><body><h1>go-httpbin</h1><p>A golang port of the venerable httpbin.org HTTP request &amp; response testing service.</p></body></html>\n", 1),
            _ => AppReplies.Text(404, "404 page not found\n", 1),
        };
        host.Log(request.Pod, $"time=\"{host.Now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)}\" status={reply.Status} method=\"{request.Method}\" uri=\"{request.Path}\" size_bytes={reply.Body.Length} duration_ms={reply.LatencyMs.ToString("0.00", CultureInfo.InvariantCulture)} user_agent=\"{request.Headers.GetValueOrDefault("user-agent") ?? ""}\" client_ip={Origin(request)}");
        return reply;
    }

    /// <summary>Go's canonical header key: each dash-separated word capitalised.</summary>
    public static string Canonical(string name) =>
        string.Join('-', name.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    private static JsonObject Headers(AppRequest request)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in request.Headers.OrderBy(h => Canonical(h.Key), StringComparer.Ordinal))
        {
            headers[Canonical(name)] = new JsonArray(value);
        }

        return headers;
    }

    private static JsonObject Echo(AppRequest request, AppRoute route, bool withBody)
    {
        var args = new JsonObject();
        foreach (var group in route.Query.GroupBy(q => q.Key))
        {
            args[group.Key] = new JsonArray(group.Select(q => (JsonNode)q.Value).ToArray());
        }

        var echo = new JsonObject
        {
            ["args"] = args,
            ["headers"] = Headers(request),
            ["method"] = request.Method,
            ["origin"] = Origin(request),
            ["url"] = $"http://{request.Headers.GetValueOrDefault("host") ?? "httpbin"}{request.Path}",
        };
        if (withBody)
        {
            echo["data"] = request.Body ?? "";
            echo["files"] = new JsonObject();
            var form = new JsonObject();
            if ((request.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
            {
                foreach (var group in AppRoute.FormFields(request.Body).GroupBy(f => f.Key))
                {
                    form[group.Key] = new JsonArray(group.Select(f => (JsonNode)f.Value).ToArray());
                }
            }

            echo["form"] = form;
            echo["json"] = null;
        }

        return echo;
    }

    private static AppReply Status(string codes, AppRequest request)
    {
        var choices = codes.Split(',').Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        if (choices.Any(c => c is < 100 or > 599))
        {
            return AppReplies.Text(400, "invalid status code\n", 1);
        }

        var code = choices[(int)((uint)StableHash(request.Headers.GetValueOrDefault("x-request-id") ?? "") % (uint)choices.Count)];
        return code switch
        {
            418 => AppReplies.Text(418, "I'm a teapot!", 1),
            >= 300 and < 400 => new AppReply(code, [KeyValuePair.Create("location", "/redirect/1")], "", 1),
            _ => new AppReply(code, [], "", 1),
        };
    }

    private static AppReply Delay(string seconds, AppRequest request, AppRoute route)
    {
        if (!double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || s < 0)
        {
            return AppReplies.Text(400, "invalid duration\n", 1);
        }

        var delay = Math.Min(s, MaxDelaySeconds);
        return AppReplies.Json(200, Echo(request, route, withBody: true), 1 + (delay * 1000), indented: true);
    }

    private static AppReply MethodNotAllowed() => AppReplies.Text(405, "Method Not Allowed\n", 1);

    /// <summary>The client as the app sees it: the local sidecar's address when one forwarded the request.</summary>
    private static string Origin(AppRequest request) =>
        request.Headers.GetValueOrDefault("x-forwarded-for") ?? (request.Pod.HasSidecar ? "127.0.0.6" : "10.244.0.1");

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
