namespace IstioTutor.Core.Guard.Manifests;

/// <summary>The caps a manifest is parsed under (from <see cref="GuardOptions"/>).</summary>
public sealed record ManifestLimits(int MaxChars, int MaxDocuments, int MaxDepth, int MaxNodes)
{
    public static ManifestLimits From(GuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.MaxManifestChars, options.MaxDocuments, options.MaxDepth, options.MaxNodes);
    }
}
