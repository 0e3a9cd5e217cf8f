using System.ComponentModel.DataAnnotations;

namespace IstioTutor.Core.Guard;

/// <summary>The <c>Guard</c> section of appsettings.json: input limits and how long a preview waits for confirmation.</summary>
public sealed class GuardOptions
{
    public const string Section = "Guard";

    /// <summary>Longest manifest (all documents together) a preview reads, in characters.</summary>
    [Range(256, 1_000_000)]
    public int MaxManifestChars { get; set; } = 32 * 1024;

    /// <summary>Most documents one /apply may carry.</summary>
    [Range(1, 200)]
    public int MaxDocuments { get; set; } = 20;

    /// <summary>Deepest nesting of mappings and sequences a document may have.</summary>
    [Range(4, 256)]
    public int MaxDepth { get; set; } = 32;

    /// <summary>Most YAML nodes (scalars, mappings, sequences) in one manifest.</summary>
    [Range(16, 1_000_000)]
    public int MaxNodes { get; set; } = 20_000;

    /// <summary>How long a preview can be confirmed, in minutes.</summary>
    [Range(1, 24 * 60)]
    public int PendingMinutes { get; set; } = 10;

    /// <summary>Requests the simulator sends when a preview predicts the effect on a host.</summary>
    [Range(10, 10_000)]
    public int PreviewRequests { get; set; } = 200;
}
