using System.Text;
using System.Text.RegularExpressions;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering;

/// <summary>
/// Writes a learner-facing answer from retrieved sections: the key point first (the section's opening
/// sentences), then the supporting explanation, then the lesson's YAML, then where to read on. Lesson
/// text is copied as reference material; nothing in it is ever treated as an instruction.
/// </summary>
public sealed partial class AnswerComposer
{
    private const int MaxSupportChars = 1400;
    private const int MaxRelated = 2;

    public Answer Compose(Retrieval retrieval, string questionLang, KnowledgeBase knowledge)
    {
        if (!retrieval.OnTopic || retrieval.Best is not { } best)
        {
            return Refuse(retrieval, questionLang);
        }

        var ko = questionLang == "ko";
        var section = best.Section;
        var sb = new StringBuilder();
        if (retrieval.BestIsLaterStage)
        {
            sb.AppendLine(LaterStageNote(section, retrieval.LearnerStage, ko)).AppendLine();
        }

        if (retrieval.Lang != questionLang)
        {
            sb.AppendLine(ko ? "(이 레슨은 아직 영어로만 준비되어 있어 영어 자료로 답합니다.)" : "(This lesson exists only in Korean so far; the material below is Korean.)");
            sb.AppendLine();
        }

        var (keyPoint, support) = Split(section.Markdown);
        sb.AppendLine(keyPoint).AppendLine();
        if (support.Length > 0)
        {
            sb.AppendLine(support).AppendLine();
        }

        var yamlFrom = ExampleSection(section, knowledge);
        var yaml = yamlFrom?.CodeBlocks.First(c => c.IsYaml);

        if (yaml is not null)
        {
            if (!ReferenceEquals(yamlFrom, section) && yamlFrom is not null)
            {
                sb.AppendLine(ko ? $"예시 ('{yamlFrom.Heading}' 절):" : $"Example (from \"{yamlFrom.Heading}\"):");
            }

            sb.AppendLine("```yaml").AppendLine(yaml.Code.TrimEnd()).AppendLine("```").AppendLine();
        }

        var related = Related(retrieval, best);
        foreach (var r in related)
        {
            var (point, _) = Split(r.Section.Markdown);
            sb.AppendLine(ko ? $"함께 보기 — {r.Section.LessonTitle} › {r.Section.Heading}: {FirstSentences(point, 1)}"
                             : $"See also — {r.Section.LessonTitle} › {r.Section.Heading}: {FirstSentences(point, 1)}");
        }

        if (related.Count > 0)
        {
            sb.AppendLine();
        }

        sb.Append(ko ? $"레슨 전체 보기: /lesson {section.LessonId}" : $"Open the whole lesson: /lesson {section.LessonId}");

        var citations = new[] { best }.Concat(related)
            .Select(h => new Citation(h.Section.LessonId, h.Section.LessonTitle, h.Section.Stage, h.Section.Heading, h.Section.Lang))
            .ToArray();
        var cards = retrieval.BestIsLaterStage ? new[] { LessonOffer(section, ko) } : null;
        return new Answer(sb.ToString().Trim(), true, citations, cards);
    }

    /// <summary>
    /// The answer comes from the section that answers, even beyond the learner's stage; the note says
    /// which later lesson teaches it and how to open it, and a beginner gets a gentler lead first.
    /// </summary>
    internal static string LaterStageNote(LessonSection section, Stage learnerStage, bool ko)
    {
        var lead = learnerStage == Stage.Beginner
            ? ko
                ? "좋은 질문입니다. 초급 과정보다 한 걸음 앞선 내용이라 핵심부터 짧게 설명할게요. 지금 다 이해하지 못해도 괜찮습니다. "
                : "Good question — it goes a step beyond the beginner lessons, so here is the short version first; it is fine if not all of it clicks yet. "
            : "";
        return lead + (ko
            ? $"이 내용은 현재 단계({learnerStage.ToKorean()})보다 뒤인 {section.Stage.ToKorean()} 단계의 레슨 '{section.LessonTitle}'에서 자세히 다룹니다. 지금 바로 보려면 /lesson {section.LessonId} 를 입력하세요."
            : $"It is taught in the {section.Stage.ToName()} stage, in the lesson \"{section.LessonTitle}\", after your current {learnerStage.ToName()} stage. To open it now, type /lesson {section.LessonId}.");
    }

    /// <summary>A card offering to open the later-stage lesson the answer came from; the button sends /lesson ID.</summary>
    private static TutorCard LessonOffer(LessonSection section, bool ko) =>
        new("lesson-offer",
            ko ? $"{section.Stage.ToKorean()} 레슨: {section.LessonTitle}" : $"{StageTitle(section.Stage)} lesson: {section.LessonTitle}",
            [new CardSection(null, ko ? "이 답의 출처인 레슨입니다. 단계와 관계없이 언제든 열어 볼 수 있습니다." : "The lesson this answer comes from. You can open it at any stage.")],
            [new CardButton(ko ? "레슨 열기" : "Open lesson", new CardAction("lesson", section.LessonId), Primary: true)]);

    private static string StageTitle(Stage stage) => stage.ToName() is var n ? char.ToUpperInvariant(n[0]) + n[1..] : "";

    /// <summary>
    /// The section whose YAML illustrates the answer: the section itself, else the nearest one after it in
    /// the lesson (lessons explain, then show: "to close that gap, add an AuthorizationPolicy" is followed
    /// by that policy), else the nearest one before it.
    /// </summary>
    internal static LessonSection? ExampleSection(LessonSection section, KnowledgeBase knowledge)
    {
        if (section.CodeBlocks.Any(c => c.IsYaml))
        {
            return section;
        }

        if (knowledge.Curriculum.FindExact(section.LessonId, section.Lang) is not { } lesson)
        {
            return null;
        }

        var at = -1;
        for (var i = 0; i < lesson.Sections.Count; i++)
        {
            if (lesson.Sections[i].Heading == section.Heading)
            {
                at = i;
                break;
            }
        }

        static bool HasYaml(LessonSection s) => s.Kind == SectionKind.Teaching && s.CodeBlocks.Any(c => c.IsYaml);
        return lesson.Sections.Skip(at + 1).FirstOrDefault(HasYaml) ?? lesson.Sections.Take(Math.Max(at, 0)).LastOrDefault(HasYaml);
    }

    private static Answer Refuse(Retrieval retrieval, string lang)
    {
        var ko = lang == "ko";
        var text = retrieval.Evidence.Any
            ? ko
                ? "커리큘럼에서 이 질문에 근거 있게 답할 내용을 찾지 못했습니다. 지어낸 답을 드리지 않겠습니다. 리소스나 기능 이름(예: VirtualService, mTLS, 카나리)을 넣어 다시 물어보거나 /lessons 로 다루는 주제를 확인하세요."
                : "I could not find anything in the curriculum that answers this, and I will not make an answer up. Try again naming the resource or feature (for example VirtualService, mTLS, canary), or type /lessons to see what is covered."
            : ko
                ? "이 질문은 IstioTutor 커리큘럼(Istio, 서비스 메시, Kubernetes 위의 트래픽·보안·관측)에서 다루지 않는 내용이라 답할 수 없습니다. Istio에 관해 물어보거나 /lessons 로 다루는 주제를 확인하세요."
                : "That is outside what the IstioTutor curriculum covers (Istio and service meshes on Kubernetes: traffic, security, observability), so I cannot answer it. Ask me about Istio, or type /lessons to see the topics.";
        return new Answer(text, false, []);
    }

    private static IReadOnlyList<SearchHit> Related(Retrieval retrieval, SearchHit best) =>
        retrieval.Hits.Skip(1)
            .Where(h => h.Score >= best.Score * 0.6f && h.Coverage >= best.Coverage * 0.8)
            .Where(h => h.Section.Kind == SectionKind.Teaching)
            .Where(h => !(h.Section.LessonId == best.Section.LessonId && h.Section.Heading == best.Section.Heading))
            .DistinctBy(h => (h.Section.LessonId, h.Section.Heading))
            .Take(MaxRelated)
            .ToArray();

    /// <summary>
    /// The section's first paragraph (or first list item) is the key point; the rest, without code
    /// blocks, is the support, cut at a paragraph boundary so it stays readable.
    /// </summary>
    internal static (string KeyPoint, string Support) Split(string markdown)
    {
        var prose = FencedCode().Replace(markdown, "").Trim();
        var blocks = BlankLines().Split(prose).Select(b => b.Trim()).Where(b => b.Length > 0).ToList();
        if (blocks.Count == 0)
        {
            return ("", "");
        }

        string keyPoint;
        if (ListItem().IsMatch(blocks[0]))
        {
            var items = ListItem().Split(blocks[0]).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
            keyPoint = Collapse(items[0]);
            blocks[0] = string.Join("\n", items.Skip(1).Select(i => "- " + i));
        }
        else
        {
            keyPoint = FirstSentences(Collapse(blocks[0]), 2);
            var rest = Collapse(blocks[0])[keyPoint.Length..].Trim();
            blocks[0] = rest;
        }

        var support = new StringBuilder();
        foreach (var block in blocks.Where(b => b.Length > 0))
        {
            if (support.Length > 0 && support.Length + block.Length > MaxSupportChars)
            {
                break;
            }

            support.AppendLine(block).AppendLine();
        }

        return (keyPoint, support.ToString().Trim());
    }

    internal static string FirstSentences(string text, int count)
    {
        var ends = SentenceEnd().Matches(text);
        var first = ends.Count >= count ? text[..(ends[count - 1].Index + 1)].Trim() : text.Trim();
        // A lead-in to a list or table ("... listen on port 9080:") reads as a sentence once its colon is a full stop.
        return first.EndsWith(':') ? first[..^1] + "." : first;
    }

    private static string Collapse(string s) => Spaces().Replace(s, " ").Trim();

    [GeneratedRegex(@"(?ms)^```.*?^```\s*$")]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"(?m)^\s*(?:[-*+]|\d+\.)\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"[.!?。](?=\s|$)(?<!\b(?:e\.g|i\.e|vs|etc)\.)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
