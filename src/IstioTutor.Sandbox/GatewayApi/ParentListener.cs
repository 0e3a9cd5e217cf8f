namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>
/// One place a route can attach (Istio's parentInfo): a listener of an Istio-managed Gateway, or the mesh
/// itself for a route whose parent is a Service. <see cref="Hostnames"/> are "namespace/host" pairs as
/// buildHostnameMatch gives them ("*/host" for every namespace).
/// </summary>
internal sealed record ParentListener(
    string GatewayNamespace,
    string GatewayName,
    string SectionName,
    long Port,
    string Protocol,
    string OriginalHostname,
    IReadOnlyList<string> Hostnames,
    IReadOnlyList<string> AllowedKinds)
{
    /// <summary>The route kinds the mesh parent accepts: "Mesh has no configurable AllowedKinds, so allow all supported".</summary>
    public static IReadOnlyList<string> MeshKinds { get; } = ["HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute"];

    public static ParentListener Mesh { get; } = new("", "mesh", "", 0, "", "", [], MeshKinds);

    public string Key => $"{GatewayNamespace}/{GatewayName}/{SectionName}";
}
