using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Short model-written texts around labs and quizzes (the lab-hint and quiz-feedback prompts), added by
/// /hint and /answer after their own catalogue text. Returns null when the model gives no usable answer —
/// it failed, answered nothing, or (for a hint) repeated the lab's reference solution — so the caller
/// keeps its offline wording unchanged. Never offers tools, so nothing here can act on a cluster.
/// </summary>
public sealed class LlmCoach(
    Kernel kernel,
    PromptLibrary prompts,
    ResilientChat chat,
    CitationChecker citations,
    KnowledgeBase knowledge,
    IOptions<LlmOptions> options,
    ILogger<LlmCoach> logger) : ILabCoach
{
    /// <summary>Lesson sections sent with a hint; enough to cite, few enough to stay within the budget.</summary>
    private const int HintSections = 6;

    public async Task<CoachReply?> LabHintAsync(LabHintRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lab = request.Lab;
        var stage = request.Learner.Stage;
        // The sections of the lessons that teach this lab, those naming more of the lab's kinds first.
        var sections = knowledge.Curriculum.Lessons
            .Where(l => l.Lang == request.Lang && l.Labs.Contains(lab.Id, StringComparer.Ordinal))
            .OrderBy(l => l.Stage).ThenBy(l => l.Order)
            .SelectMany(l => l.Sections)
            .Select((section, index) => (section, index, kinds: lab.Resources.Count(k => section.Markdown.Contains(k, StringComparison.Ordinal))))
            .OrderByDescending(x => x.kinds).ThenBy(x => x.index)
            .Take(HintSections)
            .Select(x => x.section)
            .ToList();
        var masker = options.Value.MaskResourceNames
            ? NameMasker.For([request.Learner.Id, request.Learner.Namespace, request.Learner.DisplayName, .. request.ResourceNames])
            : NameMasker.Disabled();
        var none = request.Lang == "ko" ? "(없음)" : "(none)";
        var arguments = new KernelArguments
        {
            ["lab"] = masker.Mask(ReferenceBlocks.Defuse($"{lab.Id}: {lab.Title.In(request.Lang)}")),
            ["goal"] = masker.Mask(ReferenceBlocks.Defuse(lab.Goal.In(request.Lang))),
            ["resources"] = masker.Mask(ReferenceBlocks.Defuse(request.ResourcesYaml.Length == 0 ? none : request.ResourcesYaml)),
            ["hints"] = masker.Mask(ReferenceBlocks.Defuse(request.HintsShown.Count == 0 ? none : string.Join("\n", request.HintsShown.Select(h => "- " + h)))),
            ["sections"] = masker.Mask(ReferenceBlocks.Sections(sections, none)),
            ["language"] = Language(request.Lang),
            ["stage"] = stage.ToName(),
        };
        var reply = await AskAsync(PromptLibrary.LabHint, arguments, sections, request.Lang, stage, cancellationToken);
        if (reply is null)
        {
            return null;
        }

        var text = masker.Unmask(reply.Text);
        // Enforced here, not by the prompt: a hint that repeats the reference solution is dropped whole.
        if (SolutionLeakCheck.Reveals(text, [.. lab.ReferenceFor(request.Learner.Namespace), .. lab.ReferenceSolution]))
        {
            logger.LogWarning("Dropped the model's hint for lab {Lab} (learner {Learner}): it repeated the reference solution.", lab.Id, request.Learner.Id);
            return null;
        }

        return reply with { Text = text };
    }

    public async Task<CoachReply?> QuizFeedbackAsync(
        QuizQuestion question, int chosenIndex, IReadOnlyList<LessonSection> sections, string lang, Stage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (chosenIndex < 0 || chosenIndex >= question.Options.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(chosenIndex), chosenIndex, $"The question has options 0..{question.Options.Count - 1}.");
        }

        var arguments = new KernelArguments
        {
            ["question"] = ReferenceBlocks.Defuse(question.Question),
            ["chosen"] = ReferenceBlocks.Defuse(question.Options[chosenIndex]),
            ["correct"] = ReferenceBlocks.Defuse(question.Options[question.CorrectIndex]),
            ["explanation"] = ReferenceBlocks.Defuse(question.Explanation),
            ["sections"] = ReferenceBlocks.Sections(sections, "(none)"),
            ["language"] = Language(lang),
            ["stage"] = stage.ToName(),
        };
        return await AskAsync(PromptLibrary.QuizFeedback, arguments, sections, lang, stage, cancellationToken);
    }

    private async Task<CoachReply?> AskAsync(
        string template, KernelArguments arguments, IReadOnlyList<LessonSection> sections, string lang, Stage stage, CancellationToken cancellationToken)
    {
        var history = new ChatHistory(await prompts.RenderAsync(PromptLibrary.SystemPrompt(stage, lang), [], cancellationToken));
        history.AddUserMessage(await prompts.RenderAsync(template, arguments, cancellationToken));
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = options.Value.MaxOutputTokens, Temperature = options.Value.Temperature };
        var outcome = await chat.CompleteAsync(kernel, history, settings, () => 0, cancellationToken);
        if (!outcome.Succeeded)
        {
            return null;
        }

        var result = citations.Check(outcome.Text!, sections);
        return result.Text.Length == 0 ? null : new CoachReply(result.Text, result.Citations);
    }

    private static string Language(string lang) => lang == "ko" ? "Korean" : "English";
}
