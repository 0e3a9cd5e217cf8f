namespace IstioTutor.Core.Turns;

/// <summary>A button press on a card (Confirm/Cancel of a preview, a quiz option) carried back by the door.</summary>
public sealed record CardAction(string Verb, string? Argument = null);
