using IstioTutor.Bot.Tests.Browser;
using Microsoft.Playwright;

namespace IstioTutor.Bot.Tests.Channels.Rendering;

/// <summary>
/// PNGs of a lesson, a quiz, a preview and a lab check as Teams (the official Adaptive Cards renderer) and
/// Slack (an HTML approximation of Block Kit) show them, for people to look at. Written only when
/// ISTIOTUTOR_SCREENS_DIR names a directory (outside the repository); otherwise skipped with that reason.
/// </summary>
[Collection("channel-cards")]
public sealed class ChannelScreenshotTests(ChannelRepliesFixture replies, ChromiumFixture chromium)
{
    private static readonly (string Lang, string Kind, Func<ChannelReply, bool> Pick, string Name)[] Shots =
    [
        ("ko", "lesson", r => r.Label == "authorization-policy page 3", "lesson-ko"),
        ("en", "lesson", r => r.Label == "traffic-shifting page 2", "lesson-en"),
        ("en", "quiz", r => r.Label.EndsWith("quiz 1", StringComparison.Ordinal), "quiz-en"),
        ("ko", "quiz", r => r.Label.EndsWith("quiz 1", StringComparison.Ordinal), "quiz-ko"),
        ("en", "preview", _ => true, "preview-en"),
        ("ko", "check", _ => true, "lab-check-ko"),
    ];

    [SkippableFact]
    public async Task Screenshots_of_a_lesson_quiz_preview_and_lab_check_are_written_for_both_clients()
    {
        var directory = Environment.GetEnvironmentVariable("ISTIOTUTOR_SCREENS_DIR");
        Skip.If(string.IsNullOrWhiteSpace(directory), "set ISTIOTUTOR_SCREENS_DIR to a directory outside the repository to write the screenshots");
        chromium.SkipIfUnavailable();
        var package = await replies.PackageAsync();
        Skip.If(package.UnavailableReason is not null, package.UnavailableReason);
        Directory.CreateDirectory(directory);
        var teams = new TeamsCardRenderer(chromium, package);

        foreach (var (lang, kind, pick, name) in Shots)
        {
            var teamsReply = replies.Teams.First(r => r.Lang == lang && r.Kind == kind && pick(r));
            var teamsPath = Path.Combine(directory, $"teams-{name}.png");
            await teams.ScreenshotAsync(ChannelRepliesFixture.Cards(teamsReply).First(), teamsPath);

            var slackReply = replies.Slack.First(r => r.Lang == lang && r.Kind == kind && pick(r));
            var slackPath = Path.Combine(directory, $"slack-{name}.png");
            var page = await chromium.NewPageAsync();
            await page.SetViewportSizeAsync(700, 600);
            await page.SetContentAsync(SlackHtmlApproximation.Page(SlackBlockKitTests.Blocks(slackReply)));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = slackPath, FullPage = true });
            await page.Context.CloseAsync();

            Assert.True(new FileInfo(teamsPath).Length > 5_000, teamsPath);
            Assert.True(new FileInfo(slackPath).Length > 5_000, slackPath);
        }
    }
}
