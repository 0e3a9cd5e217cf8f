namespace IstioTutor.Mesh.Simulation;

/// <summary>A JWT the simulated client presents: issuer, subject, claims, and whether its signature/expiry would verify.</summary>
public sealed record SimulatedJwt(string Issuer, string Subject, IReadOnlyDictionary<string, string>? Claims = null, bool Valid = true)
{
    /// <summary>Istio's request principal: "iss/sub".</summary>
    public string RequestPrincipal => $"{Issuer}/{Subject}";
}
