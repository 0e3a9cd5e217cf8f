namespace IstioTutor.Mesh.Simulation;

/// <summary>The result of the destination's authentication and authorization: status 0 when allowed, else 401/403 and why.</summary>
internal sealed record AuthorizationDecision(int Status, string Reason)
{
    public static AuthorizationDecision Allowed(string reason) => new(0, reason);

    public bool IsAllowed => Status == 0;
}
