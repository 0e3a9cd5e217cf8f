using System.Text.Json.Nodes;

namespace IstioTutor.Core.Guard.Manifests;

/// <summary>One YAML document of a manifest as JSON, with where it started (1-based document index and line).</summary>
public sealed record ManifestDocument(int Index, int Line, JsonObject Object);
