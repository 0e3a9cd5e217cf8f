namespace IstioTutor.Mesh.Cluster;

/// <summary>
/// The simulated API server started in-process when <c>Mesh:Mode</c> is <c>embedded</c>. Implemented by
/// IstioTutor.Sandbox (<c>services.AddEmbeddedSandbox()</c>); Core only needs its address and token.
/// </summary>
public interface IEmbeddedSandbox
{
    /// <summary>Starts the server on first call (later calls return the same endpoint).</summary>
    Task<SandboxEndpoint> StartAsync(CancellationToken cancellationToken);
}
