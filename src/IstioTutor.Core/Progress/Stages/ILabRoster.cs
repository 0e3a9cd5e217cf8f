namespace IstioTutor.Core.Progress.Stages;

/// <summary>
/// The labs as the stage rule sees them. The lab catalogue implements it, so progress knows which labs
/// gate a stage without depending on the labs feature (which records its checks into progress).
/// </summary>
public interface ILabRoster
{
    /// <summary>Every lab, in any order.</summary>
    IReadOnlyList<RosterLab> Labs { get; }
}
