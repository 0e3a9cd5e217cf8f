using System.Text.RegularExpressions;
using IstioTutor.Bot.Tests.Browser;
using IstioTutor.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Bot.Tests.Channels.Rendering;

/// <summary>
/// Every card the tutor sends to Teams (every lesson page, quiz question, lab, hint, check, preview, progress,
/// answer), from the real host, rendered by the official Adaptive Cards renderer in Chromium with Teams'
/// light host config.
/// </summary>
[Collection("channel-cards")]
public sealed partial class TeamsCardRenderingTests(ChannelRepliesFixture replies, ChromiumFixture chromium)
{
    /// <summary>Tallest card allowed at chat width: about two screens, so no card is a wall to scroll past.</summary>
    public const int MaxCardHeight = 2000;

    private async Task<IReadOnlyList<RenderedCard>> RenderedAsync()
    {
        chromium.SkipIfUnavailable();
        var package = await replies.PackageAsync();
        Skip.If(package.UnavailableReason is not null, package.UnavailableReason);
        var rendered = await replies.RenderedTeamsCardsAsync(chromium);
        Assert.NotEmpty(rendered);
        return rendered;
    }

    [SkippableFact]
    public async Task Every_kind_of_tutor_card_reaches_teams()
    {
        var rendered = await RenderedAsync();

        var kinds = rendered.Select(r => r.Reply.Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { "lesson", "quiz", "lab", "check", "preview" }, kinds);
        var curriculum = replies.App.Services.GetRequiredService<KnowledgeBase>().Curriculum;
        var lessonPages = curriculum.InOrder("en").Concat(curriculum.InOrder("ko")).Sum(Core.Curriculum.Commands.LessonPresenter.PageCount);
        Assert.Equal(lessonPages, rendered.Count(r => r.Reply.Kind == "lesson"));
    }

    [SkippableFact]
    public async Task Every_card_parses_and_validates_without_errors_in_the_adaptivecards_renderer()
    {
        var rendered = await RenderedAsync();

        // CodeBlock is Teams' own element: the JavaScript renderer reports it unknown and renders its fallback.
        var problems = rendered
            .SelectMany(r => r.Events.Where(e => !e.Contains("CodeBlock", StringComparison.Ordinal)).Select(e => $"{r.Reply.Lang} {r.Reply.Label}: {e}"))
            .ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Take(20)));
    }

    [SkippableFact]
    public async Task Yaml_in_every_card_keeps_its_indentation_in_the_rendered_text()
    {
        var rendered = await RenderedAsync();

        var checkedLines = 0;
        var lost = new List<string>();
        foreach (var card in rendered)
        {
            var text = card.Text.Replace('\u00A0', ' ');
            foreach (var snippet in card.Card.ToJsonString().Contains("\"CodeBlock\"", StringComparison.Ordinal) ? CodeSnippets(card.Card) : [])
            {
                foreach (var line in snippet.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Trim().Length > 0))
                {
                    checkedLines++;
                    if (!text.Contains("\n" + line.TrimEnd(), StringComparison.Ordinal))
                    {
                        lost.Add($"{card.Reply.Lang} {card.Reply.Label}: '{line}'");
                    }
                }
            }
        }

        Assert.True(checkedLines > 500, $"only {checkedLines} indented code lines were found to check");
        Assert.True(lost.Count == 0, string.Join("\n", lost.Take(20)));
    }

    [SkippableFact]
    public async Task Every_quiz_card_shows_its_question_and_options_in_the_body_with_short_buttons()
    {
        var rendered = await RenderedAsync();
        var curriculum = replies.App.Services.GetRequiredService<KnowledgeBase>().Curriculum;

        var quizzes = rendered.Where(r => r.Reply.Kind == "quiz").ToArray();
        Assert.NotEmpty(quizzes);
        foreach (var quiz in quizzes)
        {
            var match = QuizLabel().Match(quiz.Reply.Label);
            var question = curriculum.FindExact(match.Groups[1].Value, quiz.Reply.Lang)!.Quiz[int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - 1];
            var text = Regex.Replace(quiz.Text.Replace('\u00A0', ' '), @"\s+", " ");
            Assert.Contains(Regex.Replace(Plain(question.Question), @"\s+", " "), text, StringComparison.Ordinal);
            foreach (var option in question.Options)
            {
                Assert.Contains(Regex.Replace(Plain(option), @"\s+", " "), text, StringComparison.Ordinal);
            }

            Assert.Equal(question.Options.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), quiz.ButtonTitles);
        }
    }

    [SkippableFact]
    public async Task Every_card_renders_within_the_height_limit_at_chat_width()
    {
        var rendered = await RenderedAsync();

        var tall = rendered.Where(r => r.Height > MaxCardHeight).Select(r => $"{r.Reply.Lang} {r.Reply.Label}: {r.Height:F0}px").ToArray();
        Assert.True(tall.Length == 0, $"{tall.Length} cards taller than {MaxCardHeight}px (tallest {rendered.Max(r => r.Height):F0}px):\n" + string.Join("\n", tall.Take(30)));
    }

    [SkippableFact]
    public async Task Lesson_replies_are_sent_once_as_a_card_without_the_lesson_in_the_message_text()
    {
        await RenderedAsync();

        foreach (var lesson in replies.Teams.Where(r => r.Kind == "lesson"))
        {
            Assert.Single(ChannelRepliesFixture.Cards(lesson));
            Assert.DoesNotContain("#", lesson.Reply.Text, StringComparison.Ordinal);
            Assert.True(lesson.Reply.Text.Length < 600, $"{lesson.Label}: {lesson.Reply.Text.Length} characters of message text");
        }
    }

    [SkippableFact]
    public async Task Teams_message_text_has_no_headings_tables_or_code_fences()
    {
        await RenderedAsync();

        var raw = replies.Teams
            .Where(r => Regex.IsMatch(r.Reply.Text, @"(^|\n)#{1,6} |\|---|```"))
            .Select(r => $"{r.Lang} {r.Label}: {r.Reply.Text[..Math.Min(300, r.Reply.Text.Length)]}")
            .ToArray();
        Assert.True(raw.Length == 0, string.Join("\n", raw));
    }

    private static IEnumerable<string> CodeSnippets(System.Text.Json.Nodes.JsonNode node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o when o["type"]?.GetValue<string>() == "CodeBlock" => [o["codeSnippet"]!.GetValue<string>()],
        System.Text.Json.Nodes.JsonObject o => o.Where(p => p.Key != "fallback" && p.Value is not null).SelectMany(p => CodeSnippets(p.Value!)),
        System.Text.Json.Nodes.JsonArray a => a.Where(n => n is not null).SelectMany(n => CodeSnippets(n!)),
        _ => [],
    };

    private static string Plain(string markdown) => markdown.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^(\S+) quiz (\d+)$")]
    private static partial Regex QuizLabel();
}
