using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Stages;

/// <summary>One lab's place in the curriculum and whether passing it is required to leave its stage.</summary>
public sealed record RosterLab(string Id, Stage Stage, int Order, bool CoreForPromotion);
