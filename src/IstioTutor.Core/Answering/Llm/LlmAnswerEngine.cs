using IstioTutor.Core.Answering.FollowUps;
using IstioTutor.Core.Answering.Llm.Hybrid;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Answers through a chat model grounded in the curriculum: the core's retriever picks the sections,
/// the grounded-answer prompt puts them in front of the model with their citation ids, and only
/// citations naming those sections survive. Questions with no domain evidence get the offline refusal
/// without a model call; a model that times out or fails gets the offline answer, saying so.
/// </summary>
public sealed class LlmAnswerEngine(
    Kernel kernel,
    KnowledgeRetriever retriever,
    HybridRetrieval hybrid,
    OfflineAnswerEngine offline,
    PromptLibrary prompts,
    CitationChecker citations,
    ConversationStore history,
    ResilientChat chat,
    IModelToolbox toolbox,
    IOptions<LlmOptions> options,
    TimeProvider clock,
    ILogger<LlmAnswerEngine> logger,
    FollowUpResolver followUps) : IAnswerEngine
{
    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        // A follow-up ("why?", "show me the YAML") is retrieved against the conversation's previous answer:
        // by its own words it would match nothing, or the wrong lesson.
        var followUp = followUps.Resolve(request);
        var retrieval = followUp?.Retrieval ?? retriever.Retrieve(request.Question, request.Lang, request.Stage);
        if ((!retrieval.OnTopic && !retrieval.Evidence.Any) || retrieval.Evidence.AboutAnotherTechnology)
        {
            // Nothing about Istio or the sandbox in it, or about another technology (a Kafka timeout): the
            // offline refusal is the whole answer, and the model is never asked.
            return await offline.AnswerAsync(request, cancellationToken);
        }

        // Only an on-topic question gets sections; with embeddings on they are BM25 fused with vector hits.
        var sections = !retrieval.OnTopic ? []
            : followUp is { FollowUp.Kind: not FollowUpKind.WhatAbout }
                ? await PreviousContextAsync(followUp, request, cancellationToken)
                : (await hybrid.RankAsync(followUp?.Query ?? request.Question, retrieval, cancellationToken)).Take(o.MaxSections).ToList();

        var tools = o.EnableTools
            ? await toolbox.OpenAsync(request, cancellationToken)
            : ModelToolSession.None;
        var masker = tools.Masker;
        var turnKernel = kernel.Clone();
        tools.Attach(turnKernel);

        var system = await prompts.RenderAsync(PromptLibrary.SystemPrompt(request.Stage, request.Lang), [], cancellationToken);
        var (user, usedSections) = await RenderQuestionAsync(request, sections, masker, system, cancellationToken);
        var remaining = o.TokenBudget - TokenEstimator.Message(system) - TokenEstimator.Message(user) - tools.SchemaTokens;
        var past = history.Recent(request.Learner.Id, request.ConversationId, Math.Max(0, remaining), masker.Mask);

        var chatHistory = new ChatHistory(system);
        foreach (var m in past)
        {
            chatHistory.AddMessage(m.Role == ConversationRole.Learner ? AuthorRole.User : AuthorRole.Assistant, m.Text);
        }

        chatHistory.AddUserMessage(user);
        var settings = new OpenAIPromptExecutionSettings
        {
            MaxTokens = o.MaxOutputTokens,
            Temperature = o.Temperature,
            FunctionChoiceBehavior = tools.HasTools ? FunctionChoiceBehavior.Auto() : null,
        };

        var outcome = await chat.CompleteAsync(turnKernel, chatHistory, settings, () => tools.CallsMade, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await FallBackAsync(request, outcome, tools, cancellationToken);
        }

        var checkedReply = citations.Check(masker.Unmask(outcome.Text!), usedSections);
        foreach (var id in checkedReply.Dropped)
        {
            logger.LogWarning("Dropped citation [{Id}] the model gave for learner {Learner}: no such section was given to it.", id, request.Learner.Id);
        }

        var text = checkedReply.Text;
        if (text.Length == 0)
        {
            return await FallBackAsync(request, new ChatOutcome(null, ModelFailureKind.Empty, "the reply held nothing but invented citations", outcome.Attempts), tools, cancellationToken);
        }

        var now = clock.GetUtcNow();
        history.Append(request.Learner.Id, request.ConversationId, new ConversationMessage(ConversationRole.Learner, request.Question, now));
        history.Append(request.Learner.Id, request.ConversationId, new ConversationMessage(ConversationRole.Tutor, text, now));
        var answer = new Answer(text, checkedReply.Citations.Count > 0, checkedReply.Citations, tools.Cards(), tools.PendingAction);
        followUps.Remember(request, answer, followUp?.Query ?? request.Question);
        return answer;
    }

    /// <summary>
    /// The sections for a follow-up about the previous answer: that answer's section first (in the
    /// language asked for), then the rest of what its question retrieves.
    /// </summary>
    private async Task<List<LessonSection>> PreviousContextAsync(ResolvedFollowUp followUp, AnswerRequest request, CancellationToken cancellationToken)
    {
        var previous = retriever.Retrieve(followUp.Previous.Question, followUp.Section.Lang, request.Stage);
        var rest = previous.OnTopic ? await hybrid.RankAsync(followUp.Previous.Question, previous, cancellationToken) : [];
        return rest.Prepend(followUp.Section).DistinctBy(SectionIds.Of).Take(options.Value.MaxSections).ToList();
    }

    /// <summary>
    /// Renders the grounded-answer prompt, dropping the lowest-ranked sections while system prompt and
    /// question alone would exceed the token budget (at least one section is always kept).
    /// </summary>
    private async Task<(string User, IReadOnlyList<LessonSection> Sections)> RenderQuestionAsync(
        AnswerRequest request, List<LessonSection> sections, NameMasker masker, string system, CancellationToken cancellationToken)
    {
        var budget = options.Value.TokenBudget;
        while (true)
        {
            var arguments = new KernelArguments
            {
                ["question"] = masker.Mask(ReferenceBlocks.Defuse(request.Question)),
                ["sections"] = masker.Mask(ReferenceBlocks.Sections(sections, request.Lang == "ko"
                    ? "(이 질문에 맞는 커리큘럼 절이 없습니다.)"
                    : "(No curriculum section matched this question.)")),
                ["language"] = request.Lang == "ko" ? "Korean" : "English",
                ["stage"] = request.Stage.ToName(),
                ["example_id"] = sections.Count > 0 ? SectionIds.Of(sections[0]) : "lesson-id/section-id",
            };
            var user = await prompts.RenderAsync(PromptLibrary.GroundedAnswer, arguments, cancellationToken);
            if (sections.Count <= 1 || TokenEstimator.Message(system) + TokenEstimator.Message(user) <= budget * 3 / 4)
            {
                return (user, sections);
            }

            sections = sections[..^1];
        }
    }

    private async Task<Answer> FallBackAsync(AnswerRequest request, ChatOutcome outcome, ModelToolSession tools, CancellationToken cancellationToken)
    {
        var answer = await offline.AnswerAsync(request, cancellationToken);
        var ko = request.Lang == "ko";
        var why = outcome.FailureKind switch
        {
            ModelFailureKind.TimedOut => ko ? $"{options.Value.RequestTimeoutSeconds}초 안에 응답하지 않아" : $"did not answer within {options.Value.RequestTimeoutSeconds} s",
            ModelFailureKind.Unreachable => ko ? "연결할 수 없어" : "could not be reached",
            ModelFailureKind.Empty => ko ? "쓸 수 있는 답을 주지 않아" : "gave no usable answer",
            _ => ko ? "요청을 처리하지 못해" : "could not process the request",
        };
        var preface = ko
            ? $"언어 모델이 {why} 커리큘럼에서 찾은 오프라인 답변을 드립니다."
            : $"The language model {why}, so here is the offline answer from the curriculum.";
        logger.LogWarning("Offline answer for learner {Learner} after {Attempts} model attempt(s): {Failure}", request.Learner.Id, outcome.Attempts, outcome.Failure);
        return answer with
        {
            Text = preface + "\n\n" + answer.Text,
            Cards = [.. answer.Cards ?? [], .. tools.Cards()],
            PendingAction = tools.PendingAction,
        };
    }
}
