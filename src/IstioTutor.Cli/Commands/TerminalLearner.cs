using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Turns;

namespace IstioTutor.Cli.Commands;

/// <summary>One terminal learner's turns through the shared pipeline (the terminal door).</summary>
internal sealed class TerminalLearner(TutorPipeline pipeline, string learnerId, Stage? stage)
{
    private const string Conversation = "terminal";
    private Stage? _stage = stage;

    public async Task<TurnResult> SendAsync(string text, CancellationToken cancellationToken)
    {
        var result = await pipeline.HandleAsync(
            new TurnRequest(Door.Terminal, learnerId, Conversation, text, DisplayName: learnerId, RequestedStage: _stage), cancellationToken);
        // --stage applies once; after that the learner's stored stage (or /stage) rules.
        _stage = null;
        return result;
    }
}
