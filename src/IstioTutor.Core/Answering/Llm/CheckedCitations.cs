using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// The model's reply after its citations were checked: <see cref="Text"/> without the invented ones,
/// the <see cref="Citations"/> that name sections the model was given, and the ids it made up.
/// </summary>
public sealed record CheckedCitations(string Text, IReadOnlyList<Citation> Citations, IReadOnlyList<string> Dropped);
