namespace IstioTutor.Core.Progress.Cohorts;

public enum AssignmentKind
{
    /// <summary>Reach the stage named by the target.</summary>
    Stage,

    /// <summary>Pass the lab named by the target.</summary>
    Lab,
}
