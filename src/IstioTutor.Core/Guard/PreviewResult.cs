using IstioTutor.Core.Guard.Pending;

namespace IstioTutor.Core.Guard;

/// <summary>A stored preview waiting for confirmation, plus notes (dated apiVersions, validation warnings).</summary>
public sealed record PreviewResult(PendingAction Action, IReadOnlyList<string> Notes);
