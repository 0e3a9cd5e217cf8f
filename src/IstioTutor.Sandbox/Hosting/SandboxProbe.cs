using System.Text.RegularExpressions;
using IstioTutor.Sandbox.Server;

namespace IstioTutor.Sandbox.Hosting;

/// <summary>Finds a sandbox server another process already runs for the same data file, from its kubeconfig.</summary>
public static partial class SandboxProbe
{
    public static async Task<Uri?> FindRunningAsync(string kubeconfigPath, string storePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(kubeconfigPath))
        {
            return null;
        }

        var match = ServerLine().Match(await File.ReadAllTextAsync(kubeconfigPath, cancellationToken));
        if (!match.Success || !Uri.TryCreate(match.Groups[1].Value, UriKind.Absolute, out var server))
        {
            return null;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        try
        {
            using var response = await http.GetAsync(new Uri(server, "/version"), cancellationToken);
            return response.IsSuccessStatusCode
                && response.Headers.TryGetValues(ApiRequestHandler.StoreHeader, out var values)
                && values.Contains(Path.GetFullPath(storePath), StringComparer.Ordinal)
                ? new Uri(server.GetLeftPart(UriPartial.Authority) + "/")
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Nothing (or something else) listens there: the kubeconfig is left over from a stopped server.
            return null;
        }
    }

    [GeneratedRegex(@"^\s*server:\s*(http://127\.0\.0\.1:\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ServerLine();
}
