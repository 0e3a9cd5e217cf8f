using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// The destination side's security, per pod: the mTLS handshake (PeerAuthentication against the client's
/// sidecar and DestinationRule TLS mode), RequestAuthentication (401) and AuthorizationPolicy (403).
/// Every request of a run carries the same identity, headers and path, so each pod's outcome is computed once.
/// </summary>
internal sealed class SecurityCheck(MeshModel model, SimulationRequest request, IReadOnlyDictionary<string, string> headers)
{
    private readonly PeerAuthenticationResolver _mtls = new(model);
    private readonly AuthorizationEvaluator _authz = new(model);
    private readonly Dictionary<string, SecurityOutcome> _outcomes = new(StringComparer.Ordinal);

    public SecurityOutcome Check(WorkloadInfo pod, UpstreamCluster cluster, TrafficSource client)
    {
        if (!_outcomes.TryGetValue(pod.Name, out var outcome))
        {
            outcome = Evaluate(pod, cluster, client);
            _outcomes[pod.Name] = outcome;
        }

        return outcome;
    }

    private SecurityOutcome Evaluate(WorkloadInfo pod, UpstreamCluster cluster, TrafficSource client)
    {
        var targetPort = cluster.TargetPort;
        var drTls = cluster.TlsMode;
        var hasSidecar = client.HasSidecar;
        var clientMtls = (hasSidecar && pod.HasSidecar && drTls is null or "ISTIO_MUTUAL") || (hasSidecar && drTls == "ISTIO_MUTUAL");
        var mode = pod.HasSidecar ? _mtls.Resolve(pod, targetPort) : null;
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

        var mutual = clientMtls && mode?.Mode != MtlsMode.Disable && pod.HasSidecar;
        var principal = clientMtls && mode?.Mode != MtlsMode.Disable ? client.Principal : null;
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
