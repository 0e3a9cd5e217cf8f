using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Progress.Stages;

/// <summary>
/// The one rule for moving up a stage: every core lab of the stage passed, at least
/// <see cref="ProgressOptions.MinQuizzesPerStage"/> of the stage's quizzes completed, and their best
/// scores averaging at least <see cref="ProgressOptions.QuizThreshold"/>. Advanced is the last stage.
/// </summary>
public sealed class StageRule(IOptions<ProgressOptions> options)
{
    public StageVerdict Evaluate(Stage stage, LearnerProgress progress)
    {
        var o = options.Value;
        var core = CoreLabs(stage);
        var missing = core.Where(l => !progress.LabsPassed.ContainsKey(l)).ToArray();
        var quizzes = progress.QuizScores.Values.Where(q => q.Stage == stage).ToArray();
        double? average = quizzes.Length == 0 ? null : quizzes.Average(q => q.Score);
        Stage? next = stage == Stage.Advanced ? null : stage + 1;
        var ready = next is not null
            && missing.Length == 0
            && quizzes.Length >= o.MinQuizzesPerStage
            && average >= o.QuizThreshold;
        return new StageVerdict(stage, next, ready, missing, quizzes.Length, o.MinQuizzesPerStage, average, o.QuizThreshold);
    }

    public IReadOnlyList<string> CoreLabs(Stage stage) =>
        options.Value.CoreLabs.TryGetValue(stage.ToName(), out var labs) ? labs : [];
}
