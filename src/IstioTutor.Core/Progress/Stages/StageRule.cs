using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Progress.Stages;

/// <summary>
/// The one rule for moving up a stage: every core lab of the stage passed, at least
/// <see cref="ProgressOptions.MinQuizzesPerStage"/> of the stage's quizzes completed, and their best
/// scores averaging at least <see cref="ProgressOptions.QuizThreshold"/>. Advanced is the last stage.
/// A stage's core labs are the roster's labs of that stage marked <see cref="RosterLab.CoreForPromotion"/>,
/// unless <see cref="ProgressOptions.CoreLabs"/> overrides that stage.
/// </summary>
public sealed class StageRule
{
    private readonly IOptions<ProgressOptions> _options;
    private readonly Dictionary<Stage, IReadOnlyList<string>> _catalogueCore;

    public StageRule(IOptions<ProgressOptions> options, ILabRoster? roster = null)
    {
        _options = options;
        _catalogueCore = (roster?.Labs ?? [])
            .Where(d => d.CoreForPromotion)
            .GroupBy(d => d.Stage)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(d => d.Order).Select(d => d.Id).ToArray());
    }

    public StageVerdict Evaluate(Stage stage, LearnerProgress progress)
    {
        var o = _options.Value;
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

    /// <summary>The labs to pass before leaving <paramref name="stage"/>, in curriculum order.</summary>
    public IReadOnlyList<string> CoreLabs(Stage stage) =>
        _options.Value.CoreLabs.TryGetValue(stage.ToName(), out var overridden)
            ? overridden
            : _catalogueCore.GetValueOrDefault(stage, []);
}
