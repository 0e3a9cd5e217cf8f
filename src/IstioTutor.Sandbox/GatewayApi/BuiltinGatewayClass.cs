namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>
/// A GatewayClass istiod creates at start (pilot/pkg/config/kube/gatewaycommon/classinfo.go): its controller,
/// description, whether Istio deploys a proxy for its Gateways, and how the generated objects are named.
/// </summary>
internal sealed record BuiltinGatewayClass(string Name, string Controller, string Description, bool Deploys, bool NameSuffix, string ManagedLabel)
{
    public const string GatewayController = "istio.io/gateway-controller";
    public const string MeshController = "istio.io/mesh-controller";
    public const string UnmanagedController = "istio.io/unmanaged-gateway";

    public static IReadOnlyList<BuiltinGatewayClass> All { get; } =
    [
        new("istio", GatewayController, "The default Istio GatewayClass", Deploys: true, NameSuffix: true, "istio.io-gateway-controller"),
        new("istio-remote", UnmanagedController, "Remote to this cluster. Does not deploy or affect configuration.", Deploys: false, NameSuffix: true, ""),
        new("istio-waypoint", MeshController, "The default Istio waypoint GatewayClass", Deploys: true, NameSuffix: false, "istio.io-mesh-controller"),
    ];

    /// <summary>The class info for a controller name, or null when the controller is not Istio's.</summary>
    public static BuiltinGatewayClass? ForController(string? controller) => All.FirstOrDefault(c => c.Controller == controller);

    /// <summary>"bookinfo-gateway-istio" for the istio class; a waypoint keeps its Gateway's own name.</summary>
    public string GeneratedName(string gateway) => NameSuffix ? $"{gateway}-istio" : gateway;
}
