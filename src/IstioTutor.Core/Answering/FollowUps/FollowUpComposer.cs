using System.Text;
using System.Text.RegularExpressions;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.FollowUps;

/// <summary>
/// The offline replies to "show me the YAML" and "why?" about the previous answer's section: its example
/// YAML, and the sentences of the section that give reasons. Translations and new topics are ordinary
/// answers composed by <see cref="AnswerComposer"/> from the resolved retrieval.
/// </summary>
public sealed partial class FollowUpComposer
{
    public Answer Yaml(LessonSection section, string lang, KnowledgeBase knowledge)
    {
        var ko = lang == "ko";
        var from = AnswerComposer.ExampleSection(section, knowledge);
        var sb = new StringBuilder();
        if (from?.CodeBlocks.FirstOrDefault(c => c.IsYaml) is { } yaml)
        {
            sb.AppendLine(ko ? $"'{from.LessonTitle} › {from.Heading}' 절의 YAML입니다:" : $"Here is the YAML from \"{from.LessonTitle} › {from.Heading}\":")
                .AppendLine("```yaml").AppendLine(yaml.Code.TrimEnd()).AppendLine("```").AppendLine();
        }
        else
        {
            from = section;
            sb.AppendLine(ko
                ? $"앞의 답이 나온 레슨 '{section.LessonTitle}'에는 이 내용의 YAML 예시가 없습니다."
                : $"The lesson the previous answer came from, \"{section.LessonTitle}\", has no YAML example for it.").AppendLine();
        }

        sb.Append(ko ? $"레슨 전체 보기: /lesson {section.LessonId}" : $"Open the whole lesson: /lesson {section.LessonId}");
        return new Answer(sb.ToString(), true, [Cite(from)]);
    }

    public Answer Why(LessonSection section, string lang)
    {
        var ko = lang == "ko";
        var prose = Spaces().Replace(section.Prose, " ");
        var reasons = Sentences().Matches(prose).Select(m => m.Value.Trim()).Where(s => Reason().IsMatch(s)).Take(4).ToArray();
        var (keyPoint, support) = AnswerComposer.Split(section.Markdown);
        var body = reasons.Length > 0 ? string.Join(" ", reasons) : support.Length > 0 ? support : keyPoint;
        var text = (ko ? $"이유 — '{section.LessonTitle} › {section.Heading}' 절에서:" : $"Why — from \"{section.LessonTitle} › {section.Heading}\":")
            + "\n\n" + body + "\n\n"
            + (ko ? $"레슨 전체 보기: /lesson {section.LessonId}" : $"Open the whole lesson: /lesson {section.LessonId}");
        return new Answer(text, true, [Cite(section)]);
    }

    private static Citation Cite(LessonSection s) => new(s.LessonId, s.LessonTitle, s.Stage, s.Heading, s.Lang);

    [GeneratedRegex(@"[^.!?。]+[.!?。]+")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\b(?:because|so that|otherwise|since|which means|so the|without|unless|that is why|this is why)\b|때문|그래서|따라서|하므로|므로|않으면|없으면|위해|이유", RegexOptions.IgnoreCase)]
    private static partial Regex Reason();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
