namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>Why a route did not bind to a parent, or why a reference did not resolve: a condition reason and Istio's message.</summary>
internal sealed record Denial(string Reason, string Message);
