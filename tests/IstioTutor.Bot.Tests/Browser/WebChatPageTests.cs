using IstioTutor.Bot.Tests.Hosting;
using Microsoft.Playwright;

namespace IstioTutor.Bot.Tests.Browser;

/// <summary>The web chat page in real headless Chromium against the running host.</summary>
[Collection("browser")]
public sealed class WebChatPageTests(ChromiumFixture chromium, BotHostFixture host) : IClassFixture<BotHostFixture>
{
    [SkippableFact]
    public async Task Question_typed_in_the_page_is_answered_with_its_sources_listed()
    {
        chromium.SkipIfUnavailable();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(host.Http.BaseAddress!.ToString());
        await page.Locator("article.tutor").First.WaitForAsync();

        await page.FillAsync("#text", "What does a VirtualService do?");
        await page.PressAsync("#text", "Enter");

        var citation = page.Locator("article.tutor li.citation[data-lesson='virtualservice-basics']").First;
        await citation.WaitForAsync();
        Assert.Contains("VirtualService", await citation.TextContentAsync() ?? "", StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Pressing_a_cards_confirm_button_posts_its_action_and_shows_the_result()
    {
        chromium.SkipIfUnavailable();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(host.Http.BaseAddress!.ToString());
        await page.Locator("article.tutor").First.WaitForAsync();
        await page.FillAsync("#text", "/trial");
        await page.PressAsync("#text", "Enter");
        var confirm = page.Locator("section.card[data-kind='trial'] button[data-verb='trial-confirm']");
        await confirm.WaitForAsync();

        await confirm.ClickAsync();

        var result = page.Locator("article.tutor", new PageLocatorOptions { HasTextString = "Applied p-" });
        await result.WaitForAsync();
        Assert.True(await confirm.IsDisabledAsync());
        var cookies = await page.Context.CookiesAsync();
        var learner = Assert.Single(cookies, c => c.Name == "istiotutor_learner").Value;
        Assert.Contains(host.Trials.Confirmed, c => c.Learner == learner);
        await page.Context.CloseAsync();
    }
}
