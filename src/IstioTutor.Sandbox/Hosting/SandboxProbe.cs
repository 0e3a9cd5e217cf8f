using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Sandbox.Server;

namespace IstioTutor.Sandbox.Hosting;

/// <summary>
/// Finds a sandbox server another process already runs for the same data file, from its kubeconfig: the
/// address, certificate and bearer token written there. A server that shows another certificate or
/// refuses the token is not reused.
/// </summary>
public static partial class SandboxProbe
{
    public static async Task<SandboxEndpoint?> FindRunningAsync(string kubeconfigPath, string storePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(kubeconfigPath))
        {
            return null;
        }

        var text = await File.ReadAllTextAsync(kubeconfigPath, cancellationToken);
        var server = ServerLine().Match(text);
        var token = TokenLine().Match(text);
        var authority = AuthorityLine().Match(text);
        if (!server.Success || !token.Success || !authority.Success || !Uri.TryCreate(server.Groups[1].Value, UriKind.Absolute, out var address))
        {
            return null;
        }

        string pem;
        X509Certificate2 pinned;
        try
        {
            pem = Encoding.UTF8.GetString(Convert.FromBase64String(authority.Groups[1].Value));
            pinned = X509Certificate2.CreateFromPem(pem);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return null;
        }

        using var trusted = pinned;
        using var handler = new HttpClientHandler
        {
            // Only the certificate this kubeconfig names: a stranger on the port never receives the token.
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.RawDataMemory.Span.SequenceEqual(trusted.RawDataMemory.Span),
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(1) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/version"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Groups[1].Value);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode
                && response.Headers.TryGetValues(ApiRequestHandler.StoreHeader, out var values)
                && values.Contains(Path.GetFullPath(storePath), StringComparer.Ordinal)
                ? new SandboxEndpoint(new Uri(address.GetLeftPart(UriPartial.Authority) + "/"), token.Groups[1].Value, pem)
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Nothing (or something else) listens there: the kubeconfig is left over from a stopped server.
            return null;
        }
    }

    [GeneratedRegex(@"^\s*server:\s*(https://127\.0\.0\.1:\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"^\s*certificate-authority-data:\s*([A-Za-z0-9+/=]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AuthorityLine();

    [GeneratedRegex(@"^\s*token:\s*([A-Za-z0-9_\-]{16,})\s*$", RegexOptions.Multiline)]
    private static partial Regex TokenLine();
}
