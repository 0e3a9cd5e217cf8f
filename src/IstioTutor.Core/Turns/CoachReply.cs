namespace IstioTutor.Core.Turns;

/// <summary>A model-written lab hint or quiz feedback with the citations that survived checking.</summary>
public sealed record CoachReply(string Text, IReadOnlyList<Citation> Citations);
