using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Progress;

/// <summary>
/// Stands in for the tutor's /answer: "/testquiz LESSON SCORE" records a completed quiz through
/// IProgressLog exactly as the quiz feature does, so promotion can be tested through the pipeline.
/// </summary>
public sealed class QuizRecordingCommand(IProgressLog log, TimeProvider clock) : ITurnCommand
{
    public string Name => "testquiz";

    public string Usage => "/testquiz LESSON SCORE";

    public string Summary(string lang) => "records a quiz score";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var parts = arguments.Split(' ');
        log.Record(new ProgressEvent(context.Learner.Id, ProgressEventKind.QuizCompleted, parts[0], context.Request.Door, clock.GetUtcNow(),
            Score: double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));
        return Task.FromResult(context.Reply("Quiz done."));
    }
}
