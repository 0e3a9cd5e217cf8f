using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;

namespace IstioTutor.Core.Answering;

/// <summary>The embedded default engine: retrieval over the curriculum and a composed answer, no model and no network.</summary>
public sealed class OfflineAnswerEngine(KnowledgeBase knowledge, KnowledgeRetriever retriever, AnswerComposer composer) : IAnswerEngine
{
    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        var retrieval = retriever.Retrieve(request.Question, request.Lang, request.Stage);
        return Task.FromResult(composer.Compose(retrieval, request.Lang, knowledge));
    }
}
