namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>A route's parent results and its first unresolved backend, if any.</summary>
internal sealed record RouteEvaluation(IReadOnlyList<ParentResult> Results, Denial? BackendError)
{
    /// <summary>Listener keys ("ns/gateway/listener") this route is attached to: what attachedRoutes counts.</summary>
    public IEnumerable<string> AttachedListeners => Results.Where(r => r.Denied is null && r.Listener != ParentListener.Mesh).Select(r => r.Listener.Key).Distinct();
}
