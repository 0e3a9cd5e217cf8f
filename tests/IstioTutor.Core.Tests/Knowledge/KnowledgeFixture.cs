using IstioTutor.Core.Answering;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>The built-in curriculum and the offline engine over it, built once for the tests that share it.</summary>
public sealed class KnowledgeFixture : IDisposable
{
    public KnowledgeFixture()
    {
        Knowledge = KnowledgeBase.Build(LessonSource.Embedded());
        Retriever = new KnowledgeRetriever(Knowledge, Options.Create(new KnowledgeOptions()));
        Engine = new OfflineAnswerEngine(Knowledge, Retriever, new AnswerComposer());
    }

    public KnowledgeBase Knowledge { get; }

    public KnowledgeRetriever Retriever { get; }

    public OfflineAnswerEngine Engine { get; }

    public void Dispose() => Knowledge.Dispose();
}
