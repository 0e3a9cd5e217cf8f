using System.Net;
using IstioTutor.Core.Answering;
using IstioTutor.Core.Answering.Llm;
using IstioTutor.Core.Answering.Llm.Hybrid;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Turns;
using IstioTutor.Llm.Tests.OpenAiServer;
using Microsoft.Extensions.Options;

namespace IstioTutor.Llm.Tests;

[Collection(LlmCollection.Name)]
public sealed class HybridRetrievalTests
{
    private const string Question = "How do I send 10% of traffic to a new version with VirtualService weights?";
    private const string EmbeddingModel = "embed-test-model";
    private readonly LlmFixture _fixture;

    public HybridRetrievalTests(LlmFixture fixture)
    {
        _fixture = fixture;
        fixture.Model.Reset();
    }

    private static Dictionary<string, string?> WithEmbeddings() => new() { ["Llm:Embeddings:EmbeddingModel"] = EmbeddingModel };

    private static ScriptedReply CitesFirstSection() =>
        ScriptedReply.From(r => ScriptedReply.Text($"Set weights on the route destinations [{References.Ids(r.LastUser)[0]}]."));

    private int SectionCount => _fixture.Knowledge.Curriculum.Sections.Count;

    [Fact]
    public async Task Fusion_brings_a_section_ranked_low_by_BM25_in_front_of_the_model()
    {
        using var tutor = new TutorHarness(_fixture, WithEmbeddings());
        var maxSections = tutor.Get<IOptions<LlmOptions>>().Value.MaxSections;
        var lexical = tutor.Get<KnowledgeRetriever>().Retrieve(Question, "en", Stage.Beginner).Hits
            .Select(h => h.Section).DistinctBy(SectionIds.Of).ToList();
        Assert.True(lexical.Count > maxSections + 2, "the question needs more BM25 hits than the model is shown");
        var low = lexical[^1];
        // A model that knows the question and this section mean the same, with no word in common.
        _fixture.Model.Embeddings.Override = text =>
            text == Question || text == SectionVectorIndex.TextOf(low) ? EmbeddingEndpoint.Concept() : null;
        _fixture.Model.Script(CitesFirstSection());

        var answer = await tutor.AskAsync(Question);

        var sent = References.Ids(_fixture.Model.Received.Single().LastUser);
        Assert.Contains(SectionIds.Of(low), sent);
        Assert.Contains(SectionIds.Of(lexical[0]), sent);
        Assert.True(answer.Grounded);
    }

    [Fact]
    public async Task Section_vectors_are_embedded_once_and_read_from_the_data_directory_on_the_next_start()
    {
        var data = Path.Combine(Path.GetTempPath(), "istiotutor-hybrid-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (var first = new TutorHarness(_fixture, WithEmbeddings(), data))
            {
                _fixture.Model.Script(CitesFirstSection());
                await first.AskAsync(Question);
                Assert.Equal(SectionCount + 1, _fixture.Model.Embeddings.InputsEmbedded);
                var modelKey = SectionVectorIndex.ModelKey(first.Get<IOptions<LlmOptions>>().Value);
                Assert.Equal(SectionCount, first.Get<SectionVectorCache>().Count(modelKey));
            }

            _fixture.Model.Reset();
            using var second = new TutorHarness(_fixture, WithEmbeddings(), data);
            _fixture.Model.Script(CitesFirstSection());

            var answer = await second.AskAsync(Question);

            Assert.Equal([Question], _fixture.Model.Embeddings.Requests.Single());
            Assert.True(answer.Grounded);
        }
        finally
        {
            TryDelete(data);
        }
    }

    [Fact]
    public async Task Embedding_service_down_ranks_by_BM25_alone_logs_it_and_still_answers()
    {
        using var tutor = new TutorHarness(_fixture, WithEmbeddings());
        _fixture.Model.Embeddings.FailWith = HttpStatusCode.ServiceUnavailable;
        _fixture.Model.Script(CitesFirstSection());
        var maxSections = tutor.Get<IOptions<LlmOptions>>().Value.MaxSections;
        var bm25 = tutor.Get<KnowledgeRetriever>().Retrieve(Question, "en", Stage.Beginner).Hits
            .Select(h => SectionIds.Of(h.Section)).Distinct().Take(maxSections).ToList();

        var answer = await tutor.AskAsync(Question);

        Assert.True(answer.Grounded);
        Assert.DoesNotContain("offline", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(bm25, References.Ids(_fixture.Model.Received.Single().LastUser));
        Assert.Contains(tutor.Logs.Lines, l => l.Contains("Embeddings unavailable (HTTP 503)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Embedding_outage_is_not_retried_on_every_question_until_the_pause_has_passed()
    {
        using var tutor = new TutorHarness(_fixture, WithEmbeddings());
        _fixture.Model.Embeddings.FailWith = HttpStatusCode.ServiceUnavailable;
        _fixture.Model.Script(CitesFirstSection(), CitesFirstSection());

        await tutor.AskAsync(Question);
        var afterFirst = _fixture.Model.Embeddings.Requests.Count;
        var answer = await tutor.AskAsync(Question, conversation: "c2");

        Assert.Equal(afterFirst, _fixture.Model.Embeddings.Requests.Count);
        Assert.True(answer.Grounded);
    }

    [Fact]
    public async Task Off_topic_question_stays_refused_with_embeddings_on_even_when_a_vector_matches()
    {
        const string offTopic = "How do I set the request timeout of a Kafka producer?";
        using var tutor = new TutorHarness(_fixture, WithEmbeddings());
        var someSection = _fixture.Knowledge.Curriculum.Sections.First(s => s.Lang == "en");
        _fixture.Model.Embeddings.Override = text =>
            text == offTopic || text == SectionVectorIndex.TextOf(someSection) ? EmbeddingEndpoint.Concept() : null;

        var answer = await tutor.AskAsync(offTopic);

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Empty(_fixture.Model.Received);
        Assert.Empty(_fixture.Model.Embeddings.Requests);
    }

    [Fact]
    public async Task Embeddings_off_by_default_sends_no_embedding_request()
    {
        using var tutor = new TutorHarness(_fixture);
        _fixture.Model.Script(CitesFirstSection());

        var answer = await tutor.AskAsync(Question);

        Assert.True(answer.Grounded);
        Assert.Empty(_fixture.Model.Embeddings.Requests);
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // LiteDB may still hold the file briefly on a loaded machine; the temp folder is cleaned by the OS.
        }
    }
}
