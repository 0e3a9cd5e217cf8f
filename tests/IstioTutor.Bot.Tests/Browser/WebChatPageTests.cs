using IstioTutor.Bot.Tests.Hosting;
using IstioTutor.Core.Labs.Catalog;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task Apply_confirmed_with_the_cards_button_changes_the_sandbox_and_the_check_result_is_shown()
    {
        chromium.SkipIfUnavailable();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(host.Http.BaseAddress!.ToString());
        await page.Locator("article.tutor").First.WaitForAsync();
        await page.FillAsync("#text", "/apply\n```yaml\n" + new RequestRoutingLab().Definition.ReferenceSolution[0] + "\n```");
        await page.PressAsync("#text", "Enter");
        var confirm = page.Locator("section.card button[data-verb='confirm']");
        await confirm.WaitForAsync();
        Assert.Contains("+++ preview/VirtualService/reviews", await page.Locator("section.card").Last.TextContentAsync() ?? "", StringComparison.Ordinal);
        await ScreenshotAsync(page.Locator("article.tutor").Last, "webchat-preview.png");

        await confirm.ClickAsync();

        await page.Locator("article.tutor", new PageLocatorOptions { HasTextString = "Applied " }).WaitForAsync();
        Assert.True(await confirm.IsDisabledAsync());
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "istiotutor_session").Value;
        var learner = host.App.Services.GetRequiredService<IstioTutor.Bot.WebChat.WebSessionStore>().Find(session)!;
        Assert.NotNull(await host.GetAsync(ResourceKinds.VirtualService, LearnerIds.NamespaceOf(learner), "reviews"));

        await page.FillAsync("#text", "/check request-routing");
        await page.PressAsync("#text", "Enter");
        var check = page.Locator("article.tutor .check.passed");
        await check.WaitForAsync();
        Assert.Contains("request-routing", await check.TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Contains("How this was checked", await page.Locator("article.tutor .check-result .method").TextContentAsync() ?? "", StringComparison.Ordinal);
        await ScreenshotAsync(page.Locator("article.tutor").Last, "webchat-check.png");
        await page.Context.CloseAsync();
    }

    /// <summary>Saves a screenshot of one message when ISTIOTUTOR_SCREENSHOTS names a directory (to look at the layout by eye).</summary>
    private static async Task ScreenshotAsync(ILocator message, string name)
    {
        if (Environment.GetEnvironmentVariable("ISTIOTUTOR_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await message.Page.SetViewportSizeAsync(1280, 2000); // the log scrolls; a tall viewport shows a whole message
            await message.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(dir, name) });
        }
    }
}
