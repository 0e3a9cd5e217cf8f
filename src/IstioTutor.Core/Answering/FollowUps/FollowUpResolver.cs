using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Answering.FollowUps;

/// <summary>
/// Reads "why?", "show me the YAML", "what about retries?" and "한국어로 설명해줘" against the previous
/// grounded answer of the same learner and conversation, for both the offline and the model engine.
/// A message that is not a follow-up, or a conversation with no previous answer, resolves to nothing and
/// is answered as a question of its own.
/// </summary>
public sealed class FollowUpResolver(
    KnowledgeBase knowledge,
    KnowledgeRetriever retriever,
    PreviousAnswerStore store,
    IOptions<KnowledgeOptions> options,
    TimeProvider clock)
{
    public ResolvedFollowUp? Resolve(AnswerRequest request)
    {
        if (FollowUpDetector.Detect(request.Question) is not { } followUp
            || store.Find(request.Learner.Id, request.ConversationId) is not { } previous)
        {
            return null;
        }

        if (followUp.Kind == FollowUpKind.WhatAbout)
        {
            var topic = followUp.Topic!;
            var retrieval = retriever.Retrieve(topic, request.Lang, request.Stage);
            var query = topic;
            if (!retrieval.OnTopic)
            {
                // "what about that one?" names nothing by itself: read it with the question before it.
                query = previous.Question + " " + topic;
                retrieval = retriever.Retrieve(query, request.Lang, request.Stage);
            }

            if (!retrieval.OnTopic)
            {
                return null;
            }

            retrieval = PreferLesson(retrieval, previous.LessonId, options.Value.EqualAnswerMargin);
            return new ResolvedFollowUp(followUp, previous, retrieval.Best!.Section, retrieval, query);
        }

        // The section in the language the learner asks in now ("show me the YAML" after a Korean answer
        // shows the English lesson's YAML), else in the language of the previous answer.
        var lang = followUp.TargetLang ?? request.Lang;
        if ((SectionIn(previous, lang) ?? SectionIn(previous, previous.Lang)) is not { } section)
        {
            return null;
        }

        var own = new Retrieval([new SearchHit(section, 1f, 1, 1)], true, new DomainEvidence(1, 0), section.Lang, request.Stage);
        return new ResolvedFollowUp(followUp, previous, section, own, previous.Question);
    }

    /// <summary>Remembers a grounded answer's first citation as the conversation's previous answer.</summary>
    public void Remember(AnswerRequest request, Answer answer, string query)
    {
        if (answer.Grounded && answer.Citations.Count > 0)
        {
            var c = answer.Citations[0];
            store.Remember(request.Learner.Id, request.ConversationId, new PreviousAnswer(c.LessonId, c.Section, c.Lang, query, clock.GetUtcNow()));
        }
    }

    /// <summary>
    /// The previous answer's section in <paramref name="lang"/>: lessons are written section for section in
    /// both languages, so the section at the same position is the same material.
    /// </summary>
    private LessonSection? SectionIn(PreviousAnswer previous, string lang)
    {
        if (knowledge.Curriculum.FindExact(previous.LessonId, previous.Lang) is not { } original
            || knowledge.Curriculum.FindExact(previous.LessonId, lang) is not { Sections.Count: > 0 } target)
        {
            return null;
        }

        var at = Math.Max(0, original.Sections.ToList().FindIndex(s => s.Heading == previous.Section));
        return target.Sections[Math.Min(at, target.Sections.Count - 1)];
    }

    /// <summary>Among sections that answer the new topic equally well, the conversation's lesson goes first.</summary>
    private static Retrieval PreferLesson(Retrieval retrieval, string lessonId, double margin)
    {
        var best = retrieval.Best!;
        if (best.Section.LessonId == lessonId)
        {
            return retrieval;
        }

        var hits = retrieval.Hits.ToList();
        var at = hits.FindIndex(h => h.Section.LessonId == lessonId && h.Score >= best.Score * (1 - margin));
        if (at < 0)
        {
            return retrieval;
        }

        var preferred = hits[at];
        hits.RemoveAt(at);
        hits.Insert(0, preferred);
        return retrieval with { Hits = hits };
    }
}
