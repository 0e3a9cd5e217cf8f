using System.Security.Cryptography.X509Certificates;
using IstioTutor.Mesh.Cluster;

namespace IstioTutor.Sandbox.Tests.Fixtures;

/// <summary>Raw HTTP clients for a sandbox that trust its certificate only, with no credentials unless a test adds them.</summary>
internal static class PinnedHttp
{
    public static HttpClient Create(SandboxEndpoint endpoint)
    {
        var pinned = X509Certificate2.CreateFromPem(endpoint.CertificatePem);
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.RawDataMemory.Span.SequenceEqual(pinned.RawDataMemory.Span),
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = endpoint.Address };
    }
}
