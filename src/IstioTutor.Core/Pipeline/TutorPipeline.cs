using System.Diagnostics;
using IstioTutor.Core.Answering;
using IstioTutor.Core.Observability;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Core.Pipeline;

/// <summary>
/// The one path every door takes: resolve the learner, pick the reply language, then either run a
/// chat command or answer the question. Doors translate in and out; nothing else decides here.
/// </summary>
public sealed class TutorPipeline(
    ILearnerStore learners,
    IProgressLog progress,
    IAnswerEngine answers,
    CommandRegistry commands,
    TimeProvider clock,
    ILogger<TutorPipeline> logger,
    TutorMetrics metrics,
    IEnumerable<ITurnFollowUp> followUps,
    LearnerTurnLock turnLock)
{
    /// <summary>Longest message the pipeline reads; longer input is refused before any work.</summary>
    public const int MaxMessageChars = 64 * 1024;

    private static readonly ActivitySource Activity = new("IstioTutor.Turns");

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var result = await RunTurnAsync(request, cancellationToken);
        var kind = request.Action is not null ? "action" : request.Text.TrimStart().StartsWith('/') ? "command" : "question";
        metrics.TurnHandled(request.Door, kind, clock.GetElapsedTime(started));
        if (result.Check is { } check)
        {
            metrics.LabChecked(check.Lab, check.Passed);
        }

        return result;
    }

    private async Task<TurnResult> RunTurnAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        using var activity = Activity.StartActivity("turn");
        var turnStarted = clock.GetUtcNow();

        // One turn per learner at a time, follow-ups included: a turn reads the learner record at its start
        // and writes it back, so it reads it again (in HandleTurnAsync) once it holds the lock.
        var learnerId = learners.ResolveFor(request).Id;
        using var turn = await turnLock.AcquireAsync(learnerId, cancellationToken);
        var result = await HandleTurnAsync(request, cancellationToken);
        foreach (var followUp in followUps)
        {
            result = await followUp.AfterTurnAsync(request, result, turnStarted, cancellationToken);
        }

        return result;
    }

    private async Task<TurnResult> HandleTurnAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var learner = learners.ResolveFor(request);
        var text = request.Action is { } action ? $"/{action.Verb} {action.Argument}".TrimEnd() : request.Text.Trim();
        var lang = ReplyLanguage(learner, text);

        learner = learner with
        {
            Lang = lang,
            LastActiveAt = clock.GetUtcNow(),
            Stage = request.RequestedStage ?? learner.Stage,
        };
        learners.Save(learner);
        var context = new TurnContext(request, learner, lang);

        if (text.Length > MaxMessageChars)
        {
            return context.Reply(context.T(
                $"That message is {text.Length:N0} characters; the limit is {MaxMessageChars:N0}. Nothing was done — send a shorter message.",
                $"메시지가 {text.Length:N0}자로 한도 {MaxMessageChars:N0}자를 넘습니다. 아무것도 실행하지 않았습니다. 더 짧게 보내 주세요."));
        }

        if (text.Length == 0)
        {
            return context.Reply(Welcome(context));
        }

        if (text.StartsWith('/'))
        {
            return await RunCommandAsync(context, text, cancellationToken);
        }

        var answer = await answers.AnswerAsync(
            new AnswerRequest(text, lang, learner.Stage, learner, request.ConversationId, request.Door), cancellationToken);
        progress.Record(new ProgressEvent(
            learner.Id, ProgressEventKind.QuestionAsked, Truncate(text, 300), request.Door, clock.GetUtcNow(),
            Passed: answer.Grounded));
        return new TurnResult
        {
            Text = answer.Text,
            Grounded = answer.Grounded,
            Citations = answer.Citations,
            Cards = answer.Cards ?? [],
            PendingAction = answer.PendingAction,
            Stage = context.Learner.Stage,
            Lang = lang,
        };
    }

    private async Task<TurnResult> RunCommandAsync(TurnContext context, string text, CancellationToken cancellationToken)
    {
        var space = text.IndexOfAny([' ', '\n', '\t']);
        var name = (space < 0 ? text[1..] : text[1..space]).ToLowerInvariant();
        var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
        if (!commands.TryGet(name, out var command))
        {
            return context.Reply(context.T(
                $"Unknown command /{name}. Type /help to see the commands.",
                $"알 수 없는 명령 /{name} 입니다. /help 로 명령 목록을 볼 수 있습니다."));
        }

        logger.LogDebug("Learner {Learner} runs /{Command}", context.Learner.Id, name);
        return await command.ExecuteAsync(context, arguments, cancellationToken);
    }

    /// <summary>The reply to an empty message (a door opening): where the learner stands and how to start.</summary>
    private static string Welcome(TurnContext context)
    {
        var stage = context.Learner.Stage;
        return context.T(
            $"""
            Welcome to IstioTutor. You are at the {stage.ToName()} stage.
            Ask any Istio question in English or Korean — answers come from the curriculum, with the lessons they rest on.
            To start: /next opens your next lesson, /lessons lists them all, /labs lists hands-on labs in your own sandbox, /help shows every command.
            """,
            $"""
            IstioTutor에 오신 것을 환영합니다. 현재 단계는 {stage.ToKorean()}입니다.
            Istio 질문을 한국어나 영어로 하면 커리큘럼을 근거로, 인용한 레슨과 함께 답합니다.
            시작하기: /next 로 다음 레슨, /lessons 로 전체 레슨, /labs 로 내 샌드박스에서 하는 실습, /help 로 모든 명령을 볼 수 있습니다.
            """);
    }

    /// <summary>
    /// The learner's language decides the reply, and what they write sets it: a question switches it to the
    /// language it is written in. A command word (/lessons, /quiz) is no language at all, so a command keeps
    /// the learner's language unless its arguments are Korean; /lang sets it outright.
    /// </summary>
    private static string ReplyLanguage(Learner learner, string text)
    {
        if (!text.StartsWith('/'))
        {
            return LanguageDetector.Detect(text, learner.Lang);
        }

        var space = text.IndexOfAny([' ', '\n', '\t']);
        var arguments = space < 0 ? "" : text[(space + 1)..];
        return LanguageDetector.Detect(arguments, "") == "ko" ? "ko" : learner.Lang;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
