using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Printing;
using IstioTutor.Sandbox.Watching;
using Microsoft.AspNetCore.Http;

namespace IstioTutor.Sandbox.Server;

/// <summary>
/// The watch stream (<c>?watch=true</c>): one JSON event per line, flushed as it happens, as a Table row
/// when the client asked for Tables. It ends at <c>timeoutSeconds</c>, after the idle timeout with nothing to
/// say, when the client goes away, or when the client fell too far behind (it lists again).
/// </summary>
internal sealed partial class ApiRequestHandler
{
    private async Task ServeWatchAsync(HttpContext context, ServedResource resource, string? ns)
    {
        var request = context.Request;
        var query = request.Query;
        var timeout = TimeSpan.MaxValue;
        if (!string.IsNullOrEmpty(query["timeoutSeconds"]))
        {
            timeout = int.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : throw StatusError.BadRequest($"timeoutSeconds \"{query["timeoutSeconds"]}\" is not a whole number of seconds");
        }

        var table = TableRequest.From(request.Headers.Accept.ToString(), query["includeObject"]);
        var bookmarks = IsTrue(query["allowWatchBookmarks"]);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var subscription = api.Watch(resource, ns, query["labelSelector"], query["fieldSelector"], query["resourceVersion"], client, IsTrue(query["sendInitialEvents"]));

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-cache, private";
        await response.StartAsync(context.RequestAborted);

        // Over HTTP/2 (kubectl's default) Kestrel holds the headers until the first write; a watch with nothing
        // to report yet must still answer, or client-go waits for its first event before it syncs.
        await response.Body.FlushAsync(context.RequestAborted);

        var deadline = timeout == TimeSpan.MaxValue ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow + timeout;
        var lastActivity = DateTimeOffset.UtcNow;
        var nextBookmark = DateTimeOffset.UtcNow + watchOptions.BookmarkInterval;
        var headersSent = false;
        try
        {
            while (true)
            {
                while (subscription.Events.TryRead(out var e))
                {
                    if (e.Type == "BOOKMARK")
                    {
                        await WriteEventAsync(response, e.Type, e.Object, context.RequestAborted);
                        continue;
                    }

                    var obj = ResourceApi.Render(resource, e.Object);
                    JsonNode rendered = table is null ? obj : printer.Table(resource, [obj], (string?)obj["metadata"]?["resourceVersion"], table.Include, withHeaders: !headersSent);
                    headersSent = true;
                    await WriteEventAsync(response, e.Type, rendered, context.RequestAborted);
                    lastActivity = DateTimeOffset.UtcNow;
                }

                var now = DateTimeOffset.UtcNow;
                if (now >= deadline || now - lastActivity >= watchOptions.IdleTimeout)
                {
                    return;
                }

                if (bookmarks && now >= nextBookmark)
                {
                    nextBookmark = now + watchOptions.BookmarkInterval;
                    if (api.BookmarkVersion(subscription) is { } version)
                    {
                        await WriteEventAsync(response, "BOOKMARK", ResourceApi.Bookmark(resource, version, initialEventsEnd: false), context.RequestAborted);
                    }
                }

                var wait = Min(deadline - now, watchOptions.IdleTimeout - (now - lastActivity), bookmarks ? nextBookmark - now : TimeSpan.MaxValue);
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                waiting.CancelAfter(wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
                try
                {
                    if (!await subscription.Events.WaitToReadAsync(waiting.Token))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                {
                    // A timer ran out: the loop decides which one.
                }
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (kubectl get -w interrupted, kubectl wait satisfied).
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            // Same, noticed while writing.
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, string type, JsonNode obj, CancellationToken cancellationToken)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj }.ToJsonString() + "\n";
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private static TimeSpan Min(params TimeSpan[] spans)
    {
        var min = spans.Min();
        return min > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : min;
    }
}
