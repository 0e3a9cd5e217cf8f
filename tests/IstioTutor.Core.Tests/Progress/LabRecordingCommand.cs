using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Progress;

/// <summary>
/// Stands in for /check (which needs a sandbox; the Labs and Llm tests grade real reference solutions):
/// "/testlab LAB passed|failed" records LabChecked through IProgressLog exactly as the lab grader does.
/// </summary>
public sealed class LabRecordingCommand(IProgressLog log, TimeProvider clock) : ITurnCommand
{
    public string Name => "testlab";

    public string Usage => "/testlab LAB passed|failed";

    public string Summary(string lang) => "records a lab check";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var parts = arguments.Split(' ');
        log.Record(new ProgressEvent(context.Learner.Id, ProgressEventKind.LabChecked, parts[0], context.Request.Door, clock.GetUtcNow(),
            Passed: parts[1] == "passed"));
        return Task.FromResult(context.Reply("Lab checked."));
    }
}
