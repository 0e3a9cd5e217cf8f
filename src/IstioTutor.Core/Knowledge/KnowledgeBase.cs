using System.Diagnostics;
using IstioTutor.Core.Knowledge.Parsing;
using IstioTutor.Core.Knowledge.Search;

namespace IstioTutor.Core.Knowledge;

/// <summary>
/// The curriculum and its search index, built once at start-up from lesson files. A file that fails to
/// parse is reported in <see cref="Curriculum.Problems"/> and left out; the rest load.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    private KnowledgeBase(Curriculum curriculum, KnowledgeIndex index, DomainLexicon lexicon, KnowledgeStatistics statistics)
    {
        Curriculum = curriculum;
        Index = index;
        Lexicon = lexicon;
        Statistics = statistics;
    }

    public Curriculum Curriculum { get; }

    public KnowledgeIndex Index { get; }

    public DomainLexicon Lexicon { get; }

    public KnowledgeStatistics Statistics { get; }

    public static KnowledgeBase Build(IReadOnlyList<LessonFile> files)
    {
        var clock = Stopwatch.StartNew();
        var curriculum = Curriculum.Load(files);
        var lessons = curriculum.Lessons;
        var problems = curriculum.Problems;
        var keywords = lessons.ToDictionary(l => (l.Id, l.Lang), l => l.Keywords);
        // The questions each lesson's author wrote for it, and its objectives, which say the same in the
        // author's words: what a question is matched against besides the sections.
        var asks = lessons.SelectMany(l => l.Asks.Concat(l.Objectives).Select(a => new LessonAsk(l.Id, l.Lang, a))).ToArray();
        var index = new KnowledgeIndex(curriculum.Sections, s => keywords[(s.LessonId, s.Lang)], asks);
        var lexicon = DomainLexicon.From(lessons);
        clock.Stop();

        var statistics = new KnowledgeStatistics(
            lessons.GroupBy(l => (l.Stage, l.Lang)).ToDictionary(g => g.Key, g => g.Count()),
            lessons.Count,
            curriculum.Sections.Count,
            lessons.Sum(l => l.Quiz.Count),
            curriculum.Sections.Sum(s => s.CodeBlocks.Count),
            problems.Count,
            clock.Elapsed);
        return new KnowledgeBase(curriculum, index, lexicon, statistics);
    }

    public void Dispose() => Index.Dispose();
}
