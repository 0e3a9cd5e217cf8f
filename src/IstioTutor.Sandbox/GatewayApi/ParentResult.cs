using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>The outcome of one parentRef against one listener (or the mesh).</summary>
internal sealed record ParentResult(JsonObject Reference, ParentListener Listener, Denial? Denied);
