namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>Which stage the evaluation's learner is at when asking an on-topic question.</summary>
public enum EvalStageMode
{
    /// <summary>Every question from a beginner, the stage a new learner starts at (the default).</summary>
    Beginner,

    /// <summary>Every question from a learner at the question's own stage.</summary>
    Matched,
}
