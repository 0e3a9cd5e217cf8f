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
    // The powers of SectionScore (see its remarks). Inside them, the closest asks' share and the classifier's
    // probability are scaled as before the fit (4 and 7.5), so a lesson without either is not zeroed out.
    private const float CoveragePower = 1.1f;
    private const float ResemblanceWeight = 4f;
    private const float ResemblancePower = 0.6f;
    private const double FitWeight = 7.5;
    private const float FitPower = 0.75f;
    private const float LessonCoverageWeight = 2.9f;

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
        var scored = raw
            .Select(h => h with { Score = SectionScore(h) })
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
                || (evidence.Weak > 0 && coverage >= o.MinCoverageWeakEvidence)
                || coverage >= o.MinCoverageWithoutEvidence);
        return new Retrieval(hits, onTopic, evidence, lang, learnerStage);
    }

    /// <summary>
    /// A section's final score: a product of its own match and its lesson's evidence, each raised to a power
    /// that says how much it counts. Which section of a lesson answers is the sections' say (their BM25 match
    /// and the share of the question's words they hold); which lesson answers is mostly the lessons' (the
    /// share of the question's words the whole lesson holds, the asks closest to the question, and the ask
    /// classifier), since those lift all of a lesson's sections alike.
    /// </summary>
    /// <remarks>
    /// The powers were fitted by maximum likelihood of the expected lesson over the development set's
    /// candidates (tests/eval/questions.yaml), then rounded; an unseen check set written from the lessons
    /// alone went from 174 to 179 of 186 lessons right, and halving or doubling any one power moves it by at
    /// most three. BM25 enters by its square root: a section that matches a few of the question's words
    /// strongly would otherwise outweigh one holding more of them. The lesson's coverage enters as an
    /// exponential, so a lesson holding nearly all of the question's words is lifted well above one holding
    /// half, whatever its sections' BM25.
    /// </remarks>
    internal static float SectionScore(SearchHit h) =>
        MathF.Sqrt(h.Score) * Weight(h.Section)
            * MathF.Pow((float)(0.6 + (0.4 * h.Coverage)), CoveragePower)
            * MathF.Pow(1f + (ResemblanceWeight * h.Resemblance), ResemblancePower)
            * MathF.Pow((float)(1 + (FitWeight * h.LessonFit)), FitPower)
            * MathF.Exp(LessonCoverageWeight * (float)h.LessonCoverage);

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
