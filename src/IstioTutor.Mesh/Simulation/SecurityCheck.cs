using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// The destination side's security, per pod: the mTLS handshake (PeerAuthentication against the client's
/// sidecar and DestinationRule TLS mode), RequestAuthentication (401) and AuthorizationPolicy (403). In
/// ambient mode: a waypoint's L7 AuthorizationPolicy (bound by targetRefs; 403 from the waypoint), then
/// ztunnel's L4 policy at the destination (<see cref="ZtunnelAuthorization"/>; a denial resets the
/// connection), where the source identity is the waypoint's when one carried the request.
/// Every request of a run carries the same identity, headers and path, so each pod's outcome is computed once.
/// </summary>
internal sealed class SecurityCheck(MeshModel model, SimulationRequest request, IReadOnlyDictionary<string, string> headers)
{
    private readonly PeerAuthenticationResolver _mtls = new(model);
    private readonly AuthorizationEvaluator _authz = new(model);
    private readonly AmbientMesh _ambient = new(model);
    private readonly Dictionary<string, SecurityOutcome> _outcomes = new(StringComparer.Ordinal);

    public SecurityOutcome Check(WorkloadInfo pod, UpstreamCluster cluster, TrafficSource client, ConfigObject? waypoint = null)
    {
        if (!_outcomes.TryGetValue(pod.Name, out var outcome))
        {
            outcome = Evaluate(pod, cluster, client, waypoint);
            _outcomes[pod.Name] = outcome;
        }

        return outcome;
    }

    private SecurityOutcome Evaluate(WorkloadInfo pod, UpstreamCluster cluster, TrafficSource client, ConfigObject? waypoint)
    {
        var targetPort = cluster.TargetPort;
        var drTls = cluster.TlsMode;
        var hasSidecar = client.HasSidecar;
        var ambientPod = _ambient.Captures(pod);
        var meshPod = pod.HasSidecar || ambientPod;

        // ztunnel (an ambient client's, or a waypoint's hop) always speaks HBONE mTLS to mesh pods.
        var clientMtls = (hasSidecar && meshPod && drTls is null or "ISTIO_MUTUAL") || (hasSidecar && drTls == "ISTIO_MUTUAL") || ((client.Ambient || waypoint is not null) && meshPod);
        var mode = meshPod ? _mtls.Resolve(pod, targetPort) : null;
        if (mode is not null)
        {
            if (mode.Mode == MtlsMode.Strict && !clientMtls)
            {
                var step = $"{pod.Name} requires STRICT mTLS ({mode.Source ?? "mesh default"}) and the client sent plaintext → connection reset";
                return hasSidecar ? new(503, "UF", 1, step) : new(0, "reset", 1, step);
            }

            if (mode.Mode == MtlsMode.Disable && drTls == "ISTIO_MUTUAL")
            {
                return new(503, "UF", 1, $"{pod.Name} has mTLS DISABLE but the DestinationRule forces ISTIO_MUTUAL → 503 UF");
            }
        }
        else if (clientMtls && drTls == "ISTIO_MUTUAL")
        {
            return new(503, "UF", 1, $"{pod.Name} has no sidecar to terminate ISTIO_MUTUAL → 503 UF");
        }

        var mutual = clientMtls && mode?.Mode != MtlsMode.Disable && meshPod;
        var principal = clientMtls && mode?.Mode != MtlsMode.Disable ? client.Principal : null;
        if (waypoint is not null)
        {
            // The waypoint terminates HTTP: L7 policy bound to it by targetRefs sees the client's identity.
            var attributes = new RequestAttributes(client.Principal, null, new Dictionary<string, string>(), request.Host, cluster.Port, request.Method, request.Path, headers) { SourceIp = client.Workload?.Ip };
            var l7 = AuthorizationEvaluator.Decide(_authz.PoliciesForWaypoint(waypoint, cluster.Service), attributes);
            if (!l7.IsAllowed)
            {
                return new(403, null, 2, $"waypoint {waypoint.Namespace}/{waypoint.Name}: 403 {l7.Reason}", true);
            }

            principal = AmbientMesh.WaypointPrincipal(waypoint);
        }

        if (ambientPod)
        {
            var attributes = new RequestAttributes(principal, null, new Dictionary<string, string>(), request.Host, targetPort, request.Method, request.Path, headers) { SourceIp = waypoint is null ? client.Workload?.Ip : null };
            var l4 = AuthorizationEvaluator.Decide(_authz.PoliciesFor(pod, "AuthorizationPolicy").Select(ZtunnelAuthorization.Enforced).OfType<ConfigObject>().ToList(), attributes);
            if (!l4.IsAllowed)
            {
                // ztunnel closes the connection: a proxy in front (sidecar, gateway, waypoint) reports 503 UC, a bare client sees a reset.
                var step = $"ztunnel on {pod.Name}: connection denied at L4 ({l4.Reason}) as {principal ?? "an unauthenticated client"}";
                return hasSidecar || client.IsIngress || waypoint is not null ? new(503, "UC", 1, step, mutual) : new(0, "reset", 1, step, mutual);
            }

            return new(200, null, 0, $"{pod.Name} answered 200 (ambient; {(principal is null ? "plaintext" : $"HBONE mTLS from {principal}")})", mutual);
        }

        if (pod.HasSidecar)
        {
            var authn = _authz.Authenticate(pod, request.Jwt, out var requestPrincipal, out var claims);
            if (!authn.IsAllowed)
            {
                return new(authn.Status, null, 2, $"{pod.Name}: {authn.Status} {authn.Reason}", mutual);
            }

            var attributes = new RequestAttributes(principal, requestPrincipal, claims, request.Host, targetPort, request.Method, request.Path, headers);
            var decision = _authz.Authorize(pod, attributes);
            if (!decision.IsAllowed)
            {
                return new(403, null, 2, $"{pod.Name}: 403 {decision.Reason}", mutual);
            }
        }

        return new(200, null, 0, $"{pod.Name} answered 200{(principal is null ? " (plaintext)" : " (mTLS)")}", mutual);
    }
}
