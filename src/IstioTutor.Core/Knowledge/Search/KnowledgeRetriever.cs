using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// Finds the sections a question should be answered from and decides whether the curriculum covers it
/// at all. Shared by the offline engine and the LLM engine, so both refuse the same off-topic questions.
/// </summary>
public sealed class KnowledgeRetriever(KnowledgeBase knowledge, IOptions<KnowledgeOptions> options)
{
    // Sections ranked before the lessons' asks have their say: enough that a lesson the asks point to is
    // among them even when its sections share few of the question's words.
    private const int Candidates = 60;
    // What a lesson gains from the questions its author wrote for it: the votes of the closest asks, and the
    // classifier trained on all asks. Chosen on the development set (tests/eval/questions.yaml) from the
    // middle of a flat optimum once the asks had doubled (about 90 a lesson and language): classifier
    // weight 5–10 with asks' weight 3–10 give the same top-1 within one question; the more asks, the more
    // the classifier can be trusted over the sections' words.
    private const float ResemblanceWeight = 4f;
    private const double FitWeight = 7.5;

    public Retrieval Retrieve(string question, string lang, Stage learnerStage)
    {
        var evidence = knowledge.Lexicon.Evidence(question);
        var own = Rank(question, lang, learnerStage, evidence);
        if (own.OnTopic || !evidence.Any)
        {
            return own;
        }

        // A lesson not yet written in the learner's language is still better than no answer.
        var other = Rank(question, lang == "ko" ? "en" : "ko", learnerStage, evidence);
        return other.OnTopic ? other : own;
    }

    private Retrieval Rank(string question, string lang, Stage learnerStage, DomainEvidence evidence)
    {
        var o = options.Value;
        var raw = knowledge.Index.Search(question, lang, Candidates);
        // A lesson whose several sections match is more likely the topic than one stray section that
        // shares a few words: each section is lifted by its lesson's total. A section holding more of the
        // question's rare words beats one that repeats a single common word.
        var byLesson = raw.GroupBy(h => h.Section.LessonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(h => h.Score).Take(3).Sum(h => h.Score), StringComparer.Ordinal);
        var maxLesson = byLesson.Count == 0 ? 1f : Math.Max(byLesson.Values.Max(), 1e-6f);
        var scored = raw
            .Select(h => h with { Score = SectionScore(h, byLesson[h.Section.LessonId] / maxLesson) })
            .OrderByDescending(h => h.Score)
            .ToList();
        var hits = StageOrder(scored, learnerStage, o.EqualAnswerMargin);
        // Whether the curriculum covers the question is judged per lesson (a question's words are often
        // spread over a lesson's sections) and over the top few, since stage and lesson weighting may put a
        // lesson that matches fewer of the question's words first.
        var coverage = hits.Take(3).Select(h => h.LessonCoverage).DefaultIfEmpty(0).Max();
        var onTopic = hits.Length > 0
            && !evidence.AboutAnotherTechnology
            && ((evidence.Strong > 0 && coverage >= (evidence.NamesIstio ? o.MinCoverageIstioNamed : o.MinCoverage))
                || (evidence.Weak > 0 && coverage >= o.MinCoverageWeakEvidence));
        return new Retrieval(hits, onTopic, evidence, lang, learnerStage);
    }

    /// <summary>
    /// A section's final score from its BM25 match and what its lesson has going for it
    /// (<paramref name="lessonShare"/>: its lesson's total match relative to the best lesson's, 0..1).
    /// The lesson's asks lift all its sections alike; which of them answers stays the sections' say.
    /// BM25 enters by its square root: a section that matches a few of the question's words strongly would
    /// otherwise outweigh one holding more of them (coverage) and the lesson's asks (chosen on the development
    /// set's named sections: 225 → 232 of 328 right, lessons 434 → 435 of 455).
    /// </summary>
    internal static float SectionScore(SearchHit h, float lessonShare) =>
        MathF.Sqrt(h.Score) * Weight(h.Section) * (0.7f + (0.3f * lessonShare)) * (float)(0.6 + (0.4 * h.Coverage))
            * (1f + (ResemblanceWeight * h.Resemblance)) * (float)(1 + (FitWeight * h.LessonFit));

    /// <summary>
    /// Routing by answer: the best-scoring section comes first whatever the learner's stage. Only among
    /// sections that answer equally well — within <paramref name="margin"/> of the best remaining score —
    /// does one at or before the learner's stage go ahead of a later one. The stage then changes how the
    /// answer is presented, not which section gives it.
    /// </summary>
    internal static SearchHit[] StageOrder(List<SearchHit> byScore, Stage learnerStage, double margin)
    {
        var ordered = new SearchHit[byScore.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            var top = byScore[0];
            var pick = 0;
            if (top.Section.Stage > learnerStage)
            {
                var floor = top.Score * (1 - margin);
                for (var j = 1; j < byScore.Count && byScore[j].Score >= floor; j++)
                {
                    if (byScore[j].Section.Stage <= learnerStage)
                    {
                        pick = j;
                        break;
                    }
                }
            }

            ordered[i] = byScore[pick];
            byScore.RemoveAt(pick);
        }

        return ordered;
    }

    /// <summary>Common-mistake lists match many questions loosely; the teaching section should win a tie.</summary>
    private static float Weight(LessonSection section) => section.Kind == SectionKind.CommonMistakes ? 0.85f : 1f;
}
