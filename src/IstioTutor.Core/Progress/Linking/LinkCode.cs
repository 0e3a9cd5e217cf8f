namespace IstioTutor.Core.Progress.Linking;

/// <summary>A one-time code that links another door's identity to <see cref="LearnerId"/>.</summary>
public sealed record LinkCode(string Code, string LearnerId, DateTimeOffset ExpiresAt);
