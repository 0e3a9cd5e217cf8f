namespace IstioTutor.Sandbox.Server;

/// <summary>Anchors the sandbox assembly for the hosts that start it.</summary>
public static class SandboxMarker;
