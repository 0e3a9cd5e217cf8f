using System.Security.Cryptography;
using System.Text;
using IstioTutor.Mesh.Cluster;

namespace IstioTutor.Sandbox.Hosting;

/// <summary>
/// Writes the kubeconfig that points kubectl (or any client) at a sandbox server over loopback HTTPS,
/// pinning the server's certificate and carrying its bearer token. The file holds a credential, so it is only ever the owner's to read.
/// </summary>
public static class SandboxKubeconfig
{
    public const string FileName = "sandbox.kubeconfig";
    public const string ContextName = "istiotutor-sandbox";

    /// <summary>Owner read and write only (0600).</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string Render(SandboxEndpoint endpoint, string? defaultNamespace = null) =>
        $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {ContextName}
          cluster:
            server: {endpoint.Address.GetLeftPart(UriPartial.Authority)}
            # The sandbox's own self-signed certificate, new on every start: clients trust it and nothing else.
            certificate-authority-data: {Convert.ToBase64String(Encoding.UTF8.GetBytes(endpoint.CertificatePem))}
        users:
        - name: learner
          user:
            # Rotated every time the sandbox starts; anyone who can read this file can change every sandbox.
            token: {endpoint.Token}
        contexts:
        - name: {ContextName}
          context:
            cluster: {ContextName}
            user: learner
            namespace: {defaultNamespace ?? "default"}
        current-context: {ContextName}

        """;

    /// <summary>
    /// Writes the kubeconfig to a new file created 0600 beside <paramref name="path"/>, then renames it over
    /// <paramref name="path"/>: the token is never in a file others can read (not even when an older,
    /// world-readable kubeconfig is there), and a reader never sees half a file.
    /// </summary>
    public static void Write(string path, SandboxEndpoint endpoint, string? defaultNamespace = null)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        try
        {
            using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(false), options))
            {
                writer.Write(Render(endpoint, defaultNamespace));
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
