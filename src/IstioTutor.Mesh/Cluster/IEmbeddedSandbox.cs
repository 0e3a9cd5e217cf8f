namespace IstioTutor.Mesh.Cluster;

/// <summary>
/// The simulated API server started in-process when <c>Mesh:Mode</c> is <c>embedded</c>. Implemented by
/// IstioTutor.Sandbox (<c>services.AddEmbeddedSandbox()</c>); Core only needs its address.
/// </summary>
public interface IEmbeddedSandbox
{
    /// <summary>Starts the server on first call (later calls return the same address).</summary>
    Task<Uri> StartAsync(CancellationToken cancellationToken);
}
