namespace IstioTutor.Mesh.Simulation;

/// <summary>No Service, ServiceEntry or route knows the host: DNS would not resolve it (curl's exit 6).</summary>
public sealed class UnknownHostException(string host, string fqdn, string ns, string known)
    : ArgumentException($"No Service or ServiceEntry named \"{host}\" ({fqdn}) in the mesh. Services in {ns}: {known}.")
{
    public string Host { get; } = host;
}
