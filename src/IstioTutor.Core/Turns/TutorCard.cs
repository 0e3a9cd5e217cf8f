namespace IstioTutor.Core.Turns;

/// <summary>
/// A door-neutral card: each door renders it in its own format (Adaptive Card, Slack mrkdwn, HTML).
/// </summary>
public sealed record TutorCard(
    string Kind,
    string Title,
    IReadOnlyList<CardSection> Sections,
    IReadOnlyList<CardButton> Buttons);

/// <summary>A titled block of a card; <see cref="Code"/> holds YAML or a diff shown verbatim.</summary>
public sealed record CardSection(string? Heading, string? Text, string? Code = null, string? CodeLanguage = null);

/// <summary>A button whose press comes back to the pipeline as a <see cref="CardAction"/>.</summary>
public sealed record CardButton(string Label, CardAction Action, bool Primary = false);
