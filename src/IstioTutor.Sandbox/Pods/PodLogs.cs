using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Api;
using Microsoft.AspNetCore.Http;

namespace IstioTutor.Sandbox.Pods;

/// <summary>
/// <c>GET /api/v1/namespaces/NS/pods/NAME/log?container=..&amp;tailLines=..&amp;sinceSeconds=..&amp;sinceTime=..&amp;timestamps=..&amp;limitBytes=..&amp;follow=..</c>
/// as plain text from the <see cref="PodLogBook"/>; <c>follow</c> streams new lines until the client leaves
/// (or <see cref="MaxFollow"/> passes).
/// </summary>
internal sealed class PodLogs(PodLogBook book, TimeProvider time)
{
    public static readonly TimeSpan MaxFollow = TimeSpan.FromHours(1);

    public async Task ServeAsync(HttpContext context, JsonObject podObject)
    {
        var query = context.Request.Query;
        var pod = PodFacts.From(podObject);
        if (IsTrue(query["previous"]))
        {
            throw StatusError.BadRequest($"previous terminated container \"{query["container"]}\" in pod \"{pod.Name}\" not found");
        }

        var container = PodExec.ContainerOf(query["container"], pod, podObject);
        var tail = Number(query["tailLines"], "tailLines");
        var limitBytes = Number(query["limitBytes"], "limitBytes");
        var since = Since(query["sinceSeconds"], query["sinceTime"]);
        var timestamps = IsTrue(query["timestamps"]);
        var log = book.For(pod.Namespace, pod.Name, container, () => PodStartup.Lines(pod.Workload, container, pod.Started));
        var follow = IsTrue(query["follow"]);
        var (lines, follower) = follow ? log.Follow(PodLogBook.MaxFollowersPerContainer) : (log.Snapshot(), null);
        if (follow && follower is null)
        {
            throw new StatusError(429, "TooManyRequests", $"{PodLogBook.MaxFollowersPerContainer} clients already follow {pod.Name}/{container}; stop one (Ctrl-C) and try again");
        }

        IEnumerable<LogLine> chosen = lines.Where(l => since is null || l.At >= since);
        if (tail is { } n)
        {
            var list = chosen.ToList();
            chosen = list.Skip(Math.Max(0, list.Count - (int)Math.Min(n, int.MaxValue)));
        }

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/plain";
        var written = new Written();
        try
        {
            foreach (var line in chosen)
            {
                if (!await WriteLineAsync(response, line, timestamps, limitBytes, written, context.RequestAborted))
                {
                    return;
                }
            }

            await response.Body.FlushAsync(context.RequestAborted);
            if (follower is null)
            {
                return;
            }

            using var until = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            until.CancelAfter(MaxFollow);
            await foreach (var line in follower.Reader.ReadAllAsync(until.Token))
            {
                if (!await WriteLineAsync(response, line, timestamps, limitBytes, written, until.Token))
                {
                    return;
                }

                await response.Body.FlushAsync(until.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The client stopped following (kubectl logs -f ended), or the hour passed.
        }
        finally
        {
            if (follower is not null)
            {
                log.Unfollow(follower);
            }
        }
    }

    /// <summary>Writes one line; false once <c>limitBytes</c> is reached (the line is cut there, as the kubelet cuts it).</summary>
    private static async Task<bool> WriteLineAsync(HttpResponse response, LogLine line, bool timestamps, long? limitBytes, Written written, CancellationToken cancellation)
    {
        var text = (timestamps ? line.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z' ", CultureInfo.InvariantCulture) : "") + line.Text + "\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        var more = true;
        if (limitBytes is { } limit && written.Bytes + bytes.Length >= limit)
        {
            bytes = bytes[..(int)Math.Max(0, limit - written.Bytes)];
            more = false;
        }

        written.Bytes += bytes.Length;
        await response.Body.WriteAsync(bytes, cancellation);
        return more;
    }

    private DateTimeOffset? Since(string? seconds, string? at)
    {
        if (Number(seconds, "sinceSeconds") is { } s)
        {
            return time.GetUtcNow() - TimeSpan.FromSeconds(s);
        }

        if (string.IsNullOrEmpty(at))
        {
            return null;
        }

        return DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw StatusError.BadRequest($"sinceTime \"{at}\" is not an RFC 3339 time");
    }

    private static long? Number(string? value, string name) => string.IsNullOrEmpty(value)
        ? null
        : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw StatusError.BadRequest($"{name} \"{value}\" must be a non-negative whole number");

    private static bool IsTrue(string? value) => value is "true" or "1";

    /// <summary>Bytes sent so far on one response.</summary>
    private sealed class Written
    {
        public long Bytes { get; set; }
    }
}
