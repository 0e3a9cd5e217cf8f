using System.Globalization;

namespace IstioTutor.Sandbox.Shell;

/// <summary>curl's options for one run, read from its command line.</summary>
internal sealed record CurlOptions
{
    public bool Silent { get; init; }
    public bool ShowError { get; init; }
    public bool Verbose { get; init; }
    public bool Include { get; init; }
    public bool Head { get; init; }
    public bool Follow { get; init; }
    public bool Fail { get; init; }
    public string? Method { get; init; }
    public string? Data { get; init; }
    public string? Output { get; init; }
    public string? WriteOut { get; init; }
    public string? UserAgent { get; init; }
    public string? Referer { get; init; }
    public string? CookieJar { get; init; }
    public double? MaxTimeSeconds { get; init; }
    public IReadOnlyList<string> Headers { get; init; } = [];
    public IReadOnlyList<string> CookieSources { get; init; } = [];
    public int Redirects { get; init; }

    public static CurlOptions From(IEnumerable<(string Name, string? Value)> options)
    {
        var o = new CurlOptions();
        var headers = new List<string>();
        var cookies = new List<string>();
        var data = new List<string>();
        foreach (var (name, value) in options)
        {
            o = name switch
            {
                "-s" or "--silent" => o with { Silent = true },
                "-S" or "--show-error" => o with { ShowError = true },
                "-v" or "--verbose" => o with { Verbose = true },
                "-i" or "--include" => o with { Include = true },
                "-I" or "--head" => o with { Head = true },
                "-L" or "--location" => o with { Follow = true },
                "-f" or "--fail" => o with { Fail = true },
                "-X" or "--request" => o with { Method = value },
                "-o" or "--output" => o with { Output = value },
                "-w" or "--write-out" => o with { WriteOut = value },
                "-A" or "--user-agent" => o with { UserAgent = value },
                "-e" or "--referer" => o with { Referer = value },
                "-c" or "--cookie-jar" => o with { CookieJar = value },
                "-m" or "--max-time" => o with { MaxTimeSeconds = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null },
                _ => o,
            };
            switch (name)
            {
                case "-H" or "--header":
                    headers.Add(value!);
                    break;
                case "-b" or "--cookie":
                    cookies.Add(value!);
                    break;
                case "-d" or "--data" or "--data-raw" or "--data-binary" or "--data-urlencode":
                    data.Add(value!);
                    break;
            }
        }

        return o with { Headers = headers, CookieSources = cookies, Data = data.Count == 0 ? null : string.Join('&', data) };
    }
}
