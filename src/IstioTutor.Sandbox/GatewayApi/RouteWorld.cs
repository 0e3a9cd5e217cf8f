using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>What a route's status depends on: Istio-managed Gateways' listeners by "ns/name", Services by "ns/name", ServiceEntries and ReferenceGrants.</summary>
internal sealed record RouteWorld(
    IReadOnlyDictionary<string, IReadOnlyList<ParentListener>> Gateways,
    IReadOnlySet<string> Services,
    IReadOnlyList<JsonObject> ServiceEntries,
    IReadOnlyList<JsonObject> ReferenceGrants)
{
    /// <summary>ReferenceGrants' BackendAllowed: a grant in the target namespace lets this route kind from this namespace reach the object.</summary>
    public bool Allowed(string routeKind, string fromNamespace, string toGroup, string toKind, string toNamespace, string toName) =>
        ReferenceGrants.Any(grant =>
            GatewayController.Namespace(grant) == toNamespace
            && (grant["spec"]?["from"] as JsonArray ?? []).OfType<JsonObject>().Any(f =>
                (string?)f["group"] == GatewayController.Group && (string?)f["kind"] == routeKind && (string?)f["namespace"] == fromNamespace)
            && (grant["spec"]?["to"] as JsonArray ?? []).OfType<JsonObject>().Any(t =>
                ((string?)t["group"] ?? "") == toGroup && (string?)t["kind"] == toKind && ((string?)t["name"] is null or "" || (string?)t["name"] == toName)));

    /// <summary>A ServiceEntry host visible from the namespace (Hostname backends), or a Service's own FQDN.</summary>
    public bool HostnameExists(string hostname, string ns) =>
        ServiceEntries.Any(se =>
            (GatewayController.Namespace(se) == ns || ExportedEverywhere(se))
            && (se["spec"]?["hosts"] as JsonArray ?? []).Any(h => string.Equals((string?)h, hostname, StringComparison.OrdinalIgnoreCase)))
        || Services.Any(s => string.Equals($"{s[(s.IndexOf('/', StringComparison.Ordinal) + 1)..]}.{s[..s.IndexOf('/', StringComparison.Ordinal)]}.svc.cluster.local", hostname, StringComparison.OrdinalIgnoreCase));

    private static bool ExportedEverywhere(JsonObject se) =>
        se["spec"]?["exportTo"] is not JsonArray exportTo || exportTo.Any(e => (string?)e == "*");
}
