using System.Text.Json.Nodes;
using IstioTutor.Bot.Tests.Browser;
using IstioTutor.Bot.Tests.Hosting;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Labs;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Bot.Tests.Channels.Rendering;

/// <summary>One reply the tutor sent through the real host: which door, language and turn produced it.</summary>
public sealed record ChannelReply(string Door, string Lang, string Kind, string Label, CapturedActivity Reply);

/// <summary>
/// Every kind of reply the tutor can send, produced through <c>/api/messages</c> on the real host as Teams
/// and as Slack, in English and Korean: every page of every lesson, every quiz question, every lab with its
/// hint and check, an apply preview, progress, help and an answered question.
/// </summary>
public sealed class ChannelRepliesFixture : BotHostFixture
{
    private readonly List<ChannelReply> _replies = [];
    private readonly Lock _gate = new();
    private Task<AdaptiveCardsPackage>? _package;
    private Task<IReadOnlyList<RenderedCard>>? _rendered;

    public IReadOnlyList<ChannelReply> Replies => _replies;

    public IEnumerable<ChannelReply> Teams => _replies.Where(r => r.Door == "msteams");

    public IEnumerable<ChannelReply> Slack => _replies.Where(r => r.Door == "slack");

    public static string ApplyText => "/apply\n```yaml\n" + new IstioTutor.Core.Labs.Catalog.RequestRoutingLab().Definition.ReferenceSolution[0] + "\n```";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var curriculum = App.Services.GetRequiredService<KnowledgeBase>().Curriculum;
        var labs = App.Services.GetRequiredService<LabCatalog>().All;
        // One learner per door and language, run side by side; each learner's turns stay in order.
        var runs = from door in new[] { "msteams", "slack" } from lang in new[] { "en", "ko" } select CollectAsync(door, lang, curriculum, labs);
        foreach (var run in await Task.WhenAll(runs))
        {
            _replies.AddRange(run);
        }
    }

    private async Task<List<ChannelReply>> CollectAsync(string door, string lang, Curriculum curriculum, IReadOnlyList<ILab> labs)
    {
        var replies = new List<ChannelReply>();
        var c = door == "slack" ? "!" : "/";
        var user = $"{door}-{lang}-reader";
        var conversation = $"cards-{door}-{lang}";
        async Task Send(string kind, string label, string text) =>
            replies.Add(new ChannelReply(door, lang, kind, label, await ExchangeAsync(Message(door, conversation, text, userId: user))));

        await Send("lang", "lang", $"{c}lang {lang}");
        await Send("help", "help", $"{c}help");
        foreach (var lesson in curriculum.InOrder(lang))
        {
            await Send("lesson", $"{lesson.Id} page 1", $"{c}lesson {lesson.Id}");
            for (var page = 2; page <= Core.Curriculum.Commands.LessonPresenter.PageCount(lesson); page++)
            {
                await Send("lesson", $"{lesson.Id} page {page}", $"{c}lesson {lesson.Id} {page}");
            }

            await Send("quiz", $"{lesson.Id} quiz 1", $"{c}quiz {lesson.Id}");
            for (var question = 2; question <= lesson.Quiz.Count; question++)
            {
                await Send("quiz", $"{lesson.Id} quiz {question}", $"{c}answer 1");
            }

            await Send("quiz-result", $"{lesson.Id} quiz result", $"{c}answer 1");
        }

        foreach (var lab in labs)
        {
            await Send("lab", $"{lab.Definition.Id} lab", $"{c}lab {lab.Definition.Id}");
            await Send("hint", $"{lab.Definition.Id} hint", $"{c}hint {lab.Definition.Id}");
            await Send("check", $"{lab.Definition.Id} check", $"{c}check {lab.Definition.Id}");
        }

        await Send("preview", "apply preview", c + ApplyText[1..]);
        await Send("progress", "progress", $"{c}progress");
        await Send("question", "question", lang == "ko" ? "VirtualService는 무엇을 하나요?" : "What does a VirtualService do?");
        await Send("question", "table question", lang == "ko" ? "PeerAuthentication 모드 비교" : "Compare the PeerAuthentication modes");
        return replies;
    }

    /// <summary>The npm renderer, installed on first use.</summary>
    public Task<AdaptiveCardsPackage> PackageAsync()
    {
        lock (_gate)
        {
            return _package ??= AdaptiveCardsPackage.InstallAsync();
        }
    }

    /// <summary>Every Teams card rendered once by the official renderer; the tests then read the same results.</summary>
    public Task<IReadOnlyList<RenderedCard>> RenderedTeamsCardsAsync(ChromiumFixture chromium)
    {
        lock (_gate)
        {
            return _rendered ??= RenderAsync(chromium);
        }
    }

    private async Task<IReadOnlyList<RenderedCard>> RenderAsync(ChromiumFixture chromium) =>
        await new TeamsCardRenderer(chromium, await PackageAsync())
            .RenderAsync(Teams.SelectMany(r => Cards(r).Select(card => (r, card))).ToArray());

    /// <summary>The Adaptive Cards of a Teams reply.</summary>
    public static IEnumerable<JsonNode> Cards(ChannelReply reply) =>
        reply.Reply.Attachments.Where(a => a!["contentType"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive").Select(a => a!["content"]!);
}
