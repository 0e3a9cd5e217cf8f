using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Short model-written texts around labs and quizzes (the lab-hint and quiz-feedback prompts). Returns
/// null when the model gives no usable answer, so the caller keeps its own offline wording; never
/// offers tools, so nothing here can act on a cluster.
/// </summary>
public sealed class LlmCoach(Kernel kernel, PromptLibrary prompts, ResilientChat chat, CitationChecker citations, IOptions<LlmOptions> options)
{
    public async Task<CoachReply?> LabHintAsync(
        string lab, IReadOnlyList<string> findings, IReadOnlyList<LessonSection> sections, string lang, Stage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var arguments = new KernelArguments
        {
            ["lab"] = ReferenceBlocks.Defuse(lab),
            ["findings"] = ReferenceBlocks.Defuse(string.Join("\n", findings.Select(f => "- " + f))),
            ["sections"] = ReferenceBlocks.Sections(sections, "(none)"),
            ["language"] = Language(lang),
            ["stage"] = stage.ToName(),
        };
        return await AskAsync(PromptLibrary.LabHint, arguments, sections, lang, stage, cancellationToken);
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
