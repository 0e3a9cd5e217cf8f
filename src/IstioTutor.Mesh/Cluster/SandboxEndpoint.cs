using System.Security.Cryptography.X509Certificates;
using k8s;

namespace IstioTutor.Mesh.Cluster;

/// <summary>
/// Where the simulated sandbox listens (https on loopback), the bearer token it requires on every request
/// and the PEM of the self-signed certificate it serves, which clients pin. All three change on every start.
/// </summary>
public sealed record SandboxEndpoint(Uri Address, string Token, string CertificatePem)
{
    /// <summary>KubernetesClient settings that trust only this server's certificate and send the token.</summary>
    public KubernetesClientConfiguration ToClientConfiguration() => new()
    {
        Host = Address.ToString().TrimEnd('/'),
        AccessToken = Token,
        SslCaCerts = [X509Certificate2.CreateFromPem(CertificatePem)],
    };

    /// <summary>Keeps the token out of logs and exception messages that print the record.</summary>
    public override string ToString() => Address.ToString();
}
