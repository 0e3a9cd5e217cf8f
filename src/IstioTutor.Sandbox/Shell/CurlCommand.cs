using System.Globalization;
using System.Text;
using IstioTutor.Mesh.Simulation;
using IstioTutor.Sandbox.Pods;
using Microsoft.AspNetCore.WebUtilities;

namespace IstioTutor.Sandbox.Shell;

/// <summary>
/// curl 8.16 as istio.io's tasks use it, each request a simulated one from the pod (<see cref="PodNetwork"/>):
/// -s -S -v -i -I -L -f -k, -o, -w with curl's write-out variables, -H, -X, -d, -A, -m/--max-time, -b/-c cookies.
/// Failures read and exit as curl's do: 6 unknown host, 7 refused, 22 with -f, 28 timeout, 56 reset.
/// </summary>
internal sealed class CurlCommand(PodNetwork network, PodFiles files, PodFacts pod, ShellBudget budget)
{
    public const string UserAgent = "curl/8.16.0";
    private const int MaxRedirects = 10;

    private static readonly HashSet<string> TakesValue = ["-o", "--output", "-w", "--write-out", "-H", "--header", "-X", "--request", "-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "-m", "--max-time", "--connect-timeout", "-b", "--cookie", "-c", "--cookie-jar", "-A", "--user-agent", "-e", "--referer", "-u", "--user", "--retry", "--resolve", "--cacert", "-x", "--proxy", "--url"];
    private static readonly HashSet<string> Switches = ["-s", "--silent", "-S", "--show-error", "-v", "--verbose", "-i", "--include", "-I", "--head", "-L", "--location", "-f", "--fail", "-k", "--insecure", "--http1.1", "--http2", "--compressed", "-4", "-6", "-N", "--no-buffer", "-G", "--get", "--fail-with-body", "-#", "--progress-bar"];

    private readonly string _podKey = $"{pod.Namespace}/{pod.Name}";

    public int Run(List<string> args, ShellIo io)
    {
        var options = new List<(string Name, string? Value)>();
        var urls = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=', StringComparison.Ordinal);
                var name = eq > 0 ? a[..eq] : a;
                if (TakesValue.Contains(name))
                {
                    if (eq < 0 && i + 1 >= args.Count)
                    {
                        return Usage(io, $"curl: option {name}: requires parameter");
                    }

                    options.Add((name, eq > 0 ? a[(eq + 1)..] : args[++i]));
                }
                else if (Switches.Contains(name))
                {
                    options.Add((name, null));
                }
                else
                {
                    return Usage(io, $"curl: option {SimulatedShell.Printable(name)}: is unknown");
                }
            }
            else if (a.StartsWith('-') && a.Length > 1)
            {
                for (var j = 1; j < a.Length; j++)
                {
                    var flag = "-" + a[j];
                    if (TakesValue.Contains(flag))
                    {
                        var value = j + 1 < a.Length ? a[(j + 1)..] : i + 1 < args.Count ? args[++i] : null;
                        if (value is null)
                        {
                            return Usage(io, $"curl: option {flag}: requires parameter");
                        }

                        options.Add((flag, value));
                        break;
                    }

                    if (!Switches.Contains(flag))
                    {
                        return Usage(io, $"curl: option {SimulatedShell.Printable(flag)}: is unknown");
                    }

                    options.Add((flag, null));
                }
            }
            else
            {
                urls.Add(a);
            }
        }

        urls.AddRange(options.Where(o => o.Name == "--url").Select(o => o.Value!));
        if (urls.Count == 0)
        {
            return Usage(io, "curl: no URL specified");
        }

        var curl = CurlOptions.From(options);
        var status = 0;
        foreach (var url in urls)
        {
            status = Fetch(url, curl, io);
        }

        return status;
    }

    private int Fetch(string url, CurlOptions o, ShellIo io)
    {
        var target = CurlUrl.Parse(url);
        if (target is null)
        {
            return Error(io, o, 3, $"URL rejected: Malformed input to a URL function", null);
        }

        var method = o.Method ?? (o.Head ? "HEAD" : o.Data is not null ? "POST" : "GET");
        var headers = new List<KeyValuePair<string, string>>
        {
            KeyValuePair.Create("Host", target.Authority),
            KeyValuePair.Create("User-Agent", o.UserAgent ?? UserAgent),
            KeyValuePair.Create("Accept", "*/*"),
        };
        if (Cookies(o) is { Length: > 0 } cookie)
        {
            headers.Add(KeyValuePair.Create("Cookie", cookie));
        }

        if (o.Referer is not null)
        {
            headers.Add(KeyValuePair.Create("Referer", o.Referer));
        }

        if (o.Data is not null)
        {
            headers.Add(KeyValuePair.Create("Content-Type", "application/x-www-form-urlencoded"));
            headers.Add(KeyValuePair.Create("Content-Length", Encoding.UTF8.GetByteCount(o.Data).ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var header in o.Headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = header[..colon].Trim();
            var value = header[(colon + 1)..].Trim();
            headers.RemoveAll(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (value.Length > 0)
            {
                headers.Add(KeyValuePair.Create(name, value));
            }
        }

        var ip = network.Resolve(target.Host);
        if (o.Verbose)
        {
            io.Err.Write(ip is null ? "" : $"* Host {target.Host}:{target.Port} was resolved.\n* IPv6: (none)\n* IPv4: {ip}\n*   Trying {ip}:{target.Port}...\n");
        }

        var call = new HttpCall(null, target.Host)
        {
            Port = target.Port,
            Method = method,
            Path = target.PathAndQuery,
            Headers = headers.Where(h => !h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase) || h.Value != target.Authority)
                .GroupBy(h => h.Key.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
            Body = o.Data,
            Seed = Random.Shared.Next(),
        };
        var exchange = network.Send(call);
        var seconds = exchange.DurationMs / 1000;
        switch (exchange.Outcome)
        {
            case ExchangeOutcome.UnknownHost:
                return Error(io, o, 6, $"Could not resolve host: {target.Host}", null);
            case ExchangeOutcome.ConnectionRefused:
                return Error(io, o, 7, $"Failed to connect to {target.Host} port {target.Port} after 1 ms: Couldn't connect to server", null);
        }

        if (o.MaxTimeSeconds is { } max && seconds > max)
        {
            var ms = (int)(max * 1000);
            return Error(io, o, 28, $"Operation timed out after {ms} milliseconds with 0 bytes received", WriteOut(o, target, method, null, max, ip, 28, $"Operation timed out after {ms} milliseconds with 0 bytes received"));
        }

        if (o.Verbose)
        {
            io.Err.Write($"* Connected to {target.Host} ({ip ?? target.Host}) port {target.Port}\n* using HTTP/1.x\n");
            io.Err.Write($"> {method} {target.PathAndQuery} HTTP/1.1\n" + string.Concat(headers.Select(h => $"> {h.Key}: {h.Value}\n")) + ">\n* Request completely sent off\n");
        }

        if (exchange.Outcome == ExchangeOutcome.ConnectionReset)
        {
            return Error(io, o, 56, "Recv failure: Connection reset by peer", WriteOut(o, target, method, null, seconds, ip, 56, "Recv failure: Connection reset by peer"));
        }

        var responseHeaders = ResponseHeaders(exchange);
        var head = $"HTTP/1.1 {exchange.Status} {ReasonPhrases.GetReasonPhrase(exchange.Status)}\r\n" + string.Concat(responseHeaders.Select(h => $"{h.Key}: {h.Value}\r\n")) + "\r\n";
        if (o.Verbose)
        {
            io.Err.Write(string.Concat(head.Split("\r\n").Where(l => l.Length > 0).Select(l => $"< {l}\n")) + "<\n");
        }

        StoreCookies(o, responseHeaders, target.Host);
        var body = method == "HEAD" ? "" : exchange.Body;
        var shown = (o.Include || o.Head ? head : "") + body;
        if (o.Fail && exchange.Status >= 400)
        {
            return Error(io, o, 22, $"The requested URL returned error: {exchange.Status}", WriteOut(o, target, method, exchange, seconds, ip, 22, $"The requested URL returned error: {exchange.Status}"));
        }

        if (o.Output is null or "-")
        {
            io.Out.Write(shown);
        }
        else if (o.Output != "/dev/null" && !files.Write(_podKey, FilePath(o.Output), shown))
        {
            return Error(io, o, 23, "Failure writing output to destination", null);
        }

        if (!o.Silent && !o.Verbose)
        {
            io.Err.Write(Progress(Encoding.UTF8.GetByteCount(body)));
        }

        if (o.Verbose)
        {
            io.Err.Write($"* Connection #0 to host {target.Host} left intact\n");
        }

        if (o.Follow && exchange.Status is >= 300 and < 400 && responseHeaders.FirstOrDefault(h => h.Key == "location").Value is { } location && o.Redirects < MaxRedirects)
        {
            var next = location.StartsWith('/') ? $"http://{target.Authority}{location}" : location;
            return Fetch(next, o with { Redirects = o.Redirects + 1, Method = exchange.Status == 303 || (exchange.Status is 301 or 302 && method == "POST") ? "GET" : o.Method, Data = exchange.Status is 307 or 308 ? o.Data : null }, io);
        }

        if (o.WriteOut is not null)
        {
            io.Out.Write(WriteOut(o, target, method, exchange, seconds, ip, 0, "")!);
        }

        return 0;
    }

    /// <summary>Where a relative file name lands: curl's working directory is / in the sample images.</summary>
    public static string FilePath(string path) => path.StartsWith('/') ? path : "/" + path;

    private static List<KeyValuePair<string, string>> ResponseHeaders(HttpExchange exchange)
    {
        var headers = exchange.Headers.Select(h => KeyValuePair.Create(h.Key.ToLowerInvariant(), h.Value)).ToList();
        if (!headers.Any(h => h.Key == "content-length"))
        {
            headers.Insert(Math.Min(1, headers.Count), KeyValuePair.Create("content-length", Encoding.UTF8.GetByteCount(exchange.Body).ToString(CultureInfo.InvariantCulture)));
        }

        if (!headers.Any(h => h.Key == "date"))
        {
            headers.Insert(0, KeyValuePair.Create("date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture)));
        }

        return headers;
    }

    private string Cookies(CurlOptions o)
    {
        var parts = new List<string>();
        foreach (var source in o.CookieSources)
        {
            if (source.Contains('=', StringComparison.Ordinal))
            {
                parts.Add(source);
            }
            else if (files.Read(_podKey, FilePath(source)) is { } jar)
            {
                // "#HttpOnly_" marks an HttpOnly cookie in curl's jar; other lines starting with '#' are comments.
                parts.AddRange(jar.Split('\n').Where(l => l.Length > 0 && (!l.StartsWith('#') || l.StartsWith("#HttpOnly_", StringComparison.Ordinal)))
                    .Select(l => l.Split('\t')).Where(f => f.Length == 7).Select(f => $"{f[5]}={f[6]}"));
            }
        }

        return string.Join("; ", parts);
    }

    private void StoreCookies(CurlOptions o, List<KeyValuePair<string, string>> headers, string host)
    {
        if (o.CookieJar is null)
        {
            return;
        }

        var jar = new StringBuilder("# Netscape HTTP Cookie File\n# https://curl.se/docs/http-cookies.html\n# This file was generated by libcurl! Edit at your own risk.\n\n");
        foreach (var cookie in headers.Where(h => h.Key == "set-cookie").Select(h => h.Value.Split(';')[0].Split('=', 2)).Where(kv => kv.Length == 2 && kv[1].Length > 0))
        {
            jar.Append(CultureInfo.InvariantCulture, $"#HttpOnly_{host}\tFALSE\t/\tFALSE\t0\t{cookie[0].Trim()}\t{cookie[1].Trim()}\n");
        }

        files.Write(_podKey, FilePath(o.CookieJar), jar.ToString());
    }

    private static string? WriteOut(CurlOptions o, CurlUrl url, string method, HttpExchange? exchange, double seconds, string? ip, int exitCode, string error)
    {
        if (o.WriteOut is null)
        {
            return null;
        }

        var time = seconds.ToString("0.000000", CultureInfo.InvariantCulture);
        var connect = (exchange is null ? 0 : Math.Min(seconds, 0.0005)).ToString("0.000000", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        var format = o.WriteOut;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '\\' && i + 1 < format.Length)
            {
                text.Append(format[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
            }
            else if (c == '%' && i + 1 < format.Length && format[i + 1] == '%')
            {
                text.Append('%');
                i++;
            }
            else if (c == '%' && i + 1 < format.Length && format[i + 1] == '{' && format.IndexOf('}', i) is var end && end > 0)
            {
                var name = format[(i + 2)..end];
                text.Append(name switch
                {
                    "http_code" or "response_code" => (exchange?.Status ?? 0).ToString("000", CultureInfo.InvariantCulture),
                    "time_total" or "time_starttransfer" => time,
                    "time_connect" or "time_pretransfer" or "time_namelookup" or "time_appconnect" => connect,
                    "size_download" => Encoding.UTF8.GetByteCount(exchange?.Body ?? "").ToString(CultureInfo.InvariantCulture),
                    "size_upload" or "size_request" => "0",
                    "content_type" => exchange?.Headers.FirstOrDefault(h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)).Value ?? "",
                    "remote_ip" => ip ?? "",
                    "remote_port" => url.Port.ToString(CultureInfo.InvariantCulture),
                    "url_effective" or "url" => url.Original,
                    "method" => method,
                    "scheme" => url.Scheme.ToUpperInvariant(),
                    "http_version" => "1.1",
                    "num_redirects" => o.Redirects.ToString(CultureInfo.InvariantCulture),
                    "exitcode" => exitCode.ToString(CultureInfo.InvariantCulture),
                    "errormsg" => error,
                    _ => "",
                });
                i = end;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string Progress(int bytes)
    {
        var size = bytes.ToString(CultureInfo.InvariantCulture);
        return "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
            + "                                 Dload  Upload   Total   Spent    Left  Speed\n"
            + string.Create(CultureInfo.InvariantCulture, $"100 {size,5}  100 {size,5}    0     0   {bytes,5}      0 --:--:-- --:--:-- --:--:-- {bytes,5}\n");
    }

    private int Error(ShellIo io, CurlOptions o, int code, string message, string? writeOut)
    {
        if (writeOut is not null)
        {
            io.Out.Write(writeOut);
        }

        if (!o.Silent || o.ShowError)
        {
            io.Err.Write($"curl: ({code.ToString(CultureInfo.InvariantCulture)}) {message}\n");
        }

        budget.Spend(0);
        return code;
    }

    private static int Usage(ShellIo io, string message)
    {
        io.Err.Write(message + "\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
        return 2;
    }
}
