namespace IstioTutor.Core.Progress.Storage;

/// <summary>A one-time <c>/link</c> code; <see cref="Id"/> is the code itself.</summary>
internal sealed class LinkCodeDocument
{
    public const string Collection = "link_codes";

    public string Id { get; set; } = "";
    public string LearnerId { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
}
