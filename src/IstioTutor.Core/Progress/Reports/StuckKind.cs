namespace IstioTutor.Core.Progress.Reports;

public enum StuckKind
{
    /// <summary>No lesson, quiz or lab progress for the configured number of days.</summary>
    NoProgress,

    /// <summary>The same lab failed repeatedly in a row.</summary>
    RepeatedLabFailure,

    /// <summary>Many recent questions could not be answered from the curriculum.</summary>
    UngroundedQuestions,

    /// <summary>An assignment of the cohort is past its due date and not done.</summary>
    Overdue,
}
