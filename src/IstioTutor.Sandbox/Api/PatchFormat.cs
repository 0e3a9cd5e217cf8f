namespace IstioTutor.Sandbox.Api;

/// <summary>The PATCH body formats the sandbox understands, from the request's Content-Type.</summary>
internal enum PatchFormat
{
    Merge,
    Json,
    Strategic,
    Apply,
}
