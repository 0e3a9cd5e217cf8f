using IstioTutor.Core.Answering.FollowUps;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;

namespace IstioTutor.Core.Answering;

/// <summary>
/// The embedded default engine: retrieval over the curriculum and a composed answer, no model and no
/// network. With <paramref name="followUps"/> (the tutor's composition always has it) a short follow-up
/// is answered against the conversation's previous answer, and each grounded answer is remembered for the next.
/// </summary>
public sealed class OfflineAnswerEngine(
    KnowledgeBase knowledge,
    KnowledgeRetriever retriever,
    AnswerComposer composer,
    FollowUpResolver? followUps = null,
    FollowUpComposer? followUpComposer = null) : IAnswerEngine
{
    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        var followUp = followUps?.Resolve(request);
        var answer = followUp switch
        {
            { FollowUp.Kind: FollowUpKind.ShowYaml } f => (followUpComposer ?? new FollowUpComposer()).Yaml(f.Section, f.ReplyLang(request.Lang), knowledge),
            { FollowUp.Kind: FollowUpKind.Why } f => (followUpComposer ?? new FollowUpComposer()).Why(f.Section, f.ReplyLang(request.Lang)),
            { } f => composer.Compose(f.Retrieval, f.ReplyLang(request.Lang), knowledge),
            null => composer.Compose(retriever.Retrieve(request.Question, request.Lang, request.Stage), request.Lang, knowledge),
        };
        followUps?.Remember(request, answer, followUp?.Query ?? request.Question);
        return Task.FromResult(answer);
    }
}
