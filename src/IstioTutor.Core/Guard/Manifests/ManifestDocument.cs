using System.Text.Json.Nodes;

namespace IstioTutor.Core.Guard.Manifests;

/// <summary>One YAML document of a manifest as JSON, with where it started (1-based document index and line).</summary>
public sealed record ManifestDocument(int Index, int Line, JsonObject Object)
{
    /// <summary>Where the document is, as refusals name it.</summary>
    public string Where(string lang = "en") =>
        lang == "ko" ? $"{Index}번째 문서({Line}행)" : $"document {Index} (line {Line})";
}
