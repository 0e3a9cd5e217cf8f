using System.ComponentModel;
using System.Text;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Turns;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace IstioTutor.Bot.Mcp;

/// <summary>
/// The curriculum as MCP resources: every lesson by language and id, every lab by id, and an index of each.
/// These are the same texts the chat doors show; reading one changes no progress (open_lesson does).
/// </summary>
[McpServerResourceType]
public sealed class TutorMcpResources(KnowledgeBase knowledge, LabCatalog labs)
{
    [McpServerResource(UriTemplate = McpUris.LessonIndex, Name = "lessons", MimeType = "text/markdown")]
    [Description("Index of the curriculum: every lesson in learning order with its resource URIs in English and Korean.")]
    public string LessonIndex()
    {
        var sb = new StringBuilder("# IstioTutor lessons\n\n");
        foreach (var lesson in knowledge.Curriculum.InOrder("en"))
        {
            var langs = knowledge.Curriculum.Lessons.Where(l => l.Id == lesson.Id).Select(l => l.Lang).Order(StringComparer.Ordinal);
            sb.Append($"- {lesson.Title} ({lesson.Id}, {lesson.Stage.ToName()}): ")
                .AppendLine(string.Join(" ", langs.Select(lang => McpUris.Lesson(lang, lesson.Id))));
        }

        return sb.ToString();
    }

    [McpServerResource(UriTemplate = McpUris.LessonTemplate, Name = "lesson", MimeType = "text/markdown")]
    [Description("One lesson in one language ('en' or 'ko'): objectives, sections, quiz-free teaching text and its labs.")]
    public string Lesson(
        [Description("'en' or 'ko'.")] string lang,
        [Description("Lesson id, e.g. 'traffic-shifting'.")] string id)
    {
        var lesson = lang is "en" or "ko" ? knowledge.Curriculum.FindExact(id, lang) : null;
        if (lesson is null)
        {
            throw new McpException($"There is no lesson '{id}' in '{lang}'. Languages are 'en' and 'ko'; {McpUris.LessonIndex} lists the lessons.");
        }

        var sb = new StringBuilder();
        sb.AppendLine($"# {lesson.Title}").AppendLine();
        sb.AppendLine($"Stage: {lesson.Stage.ToName()} · id: {lesson.Id} · lang: {lesson.Lang}").AppendLine();
        if (lesson.Objectives.Count > 0)
        {
            sb.AppendLine(lang == "ko" ? "학습 목표:" : "Objectives:");
            foreach (var o in lesson.Objectives)
            {
                sb.AppendLine($"- {o}");
            }

            sb.AppendLine();
        }

        if (lesson.Introduction.Length > 0)
        {
            sb.AppendLine(lesson.Introduction.Trim()).AppendLine();
        }

        foreach (var section in lesson.Sections)
        {
            sb.AppendLine($"## {section.Heading}").AppendLine().AppendLine(section.Markdown.Trim()).AppendLine();
        }

        if (lesson.Labs.Count > 0)
        {
            sb.AppendLine((lang == "ko" ? "실습: " : "Labs: ") + string.Join(", ", lesson.Labs.Select(McpUris.Lab)));
        }

        return sb.ToString();
    }

    [McpServerResource(UriTemplate = McpUris.LabIndex, Name = "labs", MimeType = "text/markdown")]
    [Description("Index of the graded labs by stage with their resource URIs.")]
    public string LabIndex()
    {
        var sb = new StringBuilder("# IstioTutor labs\n\n");
        foreach (var lab in labs.All.Select(l => l.Definition))
        {
            sb.AppendLine($"- {lab.Title.En} ({lab.Id}, {lab.Stage.ToName()}): {McpUris.Lab(lab.Id)}");
        }

        return sb.ToString();
    }

    [McpServerResource(UriTemplate = McpUris.LabTemplate, Name = "lab", MimeType = "text/markdown")]
    [Description("One lab: goal, steps and the kinds to write, in English and Korean.")]
    public string Lab([Description("Lab id, e.g. 'request-routing'.")] string id)
    {
        var lab = labs.Find(id)?.Definition
            ?? throw new McpException($"There is no lab '{id}'. {McpUris.LabIndex} lists the labs.");
        var sb = new StringBuilder();
        foreach (var lang in new[] { "en", "ko" })
        {
            sb.AppendLine($"# {lab.Title.In(lang)} ({lab.Id}, {(lang == "ko" ? lab.Stage.ToKorean() : lab.Stage.ToName())})").AppendLine();
            sb.AppendLine(lab.Goal.In(lang)).AppendLine();
            for (var i = 0; i < lab.Steps.Count; i++)
            {
                sb.AppendLine($"{i + 1}. {lab.Steps[i].In(lang)}");
            }

            sb.AppendLine().AppendLine((lang == "ko" ? "작성할 리소스: " : "You write: ") + string.Join(", ", lab.Resources));
            if (lab.Limits is { } limits)
            {
                sb.AppendLine(limits.In(lang));
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }
}
