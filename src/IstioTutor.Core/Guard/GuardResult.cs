namespace IstioTutor.Core.Guard;

/// <summary>What a confirmed (or undone, reset) change did: the action, one line per object written.</summary>
public sealed record GuardResult(string ActionId, string Summary, IReadOnlyList<string> Lines);
