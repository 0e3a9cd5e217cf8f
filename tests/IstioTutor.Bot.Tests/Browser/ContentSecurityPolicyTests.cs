using IstioTutor.Bot.Hosting;
using IstioTutor.Bot.Tests.Dashboard;
using IstioTutor.Bot.Tests.Hosting;
using Microsoft.Playwright;

namespace IstioTutor.Bot.Tests.Browser;

/// <summary>The strict Content-Security-Policy in real headless Chromium: the pages work under it, and it bites.</summary>
[Collection("browser")]
public sealed class ContentSecurityPolicyTests(ChromiumFixture chromium, BotHostFixture host, DashboardHostFixture dashboard)
    : IClassFixture<BotHostFixture>, IClassFixture<DashboardHostFixture>
{
    [SkippableFact]
    public async Task Web_chat_answers_and_shows_a_card_with_no_policy_violation()
    {
        chromium.SkipIfUnavailable();
        var page = await chromium.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        var violations = await CspViolations.WatchAsync(page);

        var response = await page.GotoAsync(host.Http.BaseAddress!.ToString());
        await page.Locator("article.tutor").First.WaitForAsync();
        await page.FillAsync("#text", "/lesson virtualservice-basics");
        await page.PressAsync("#text", "Enter");
        await page.Locator("section.card").First.WaitForAsync();

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, await response!.HeaderValueAsync("content-security-policy"));
        Assert.Equal("flex", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).display"));
        Assert.Empty(violations.Seen);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Injected_inline_script_does_not_run_on_the_web_chat_page()
    {
        chromium.SkipIfUnavailable();
        var page = await chromium.NewPageAsync();
        var violations = await CspViolations.WatchAsync(page);
        await page.GotoAsync(host.Http.BaseAddress!.ToString());
        await page.Locator("article.tutor").First.WaitForAsync();

        await page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<img src=\"/webchat/icon.svg\" onload=\"window.injected = 1\">')");
        await page.WaitForTimeoutAsync(500);

        Assert.Null(await page.EvaluateAsync<int?>("() => window.injected ?? null"));
        Assert.NotEmpty(violations.Seen);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Dashboard_signs_in_and_draws_the_cohort_styled_with_no_policy_violation()
    {
        chromium.SkipIfUnavailable();
        var page = await chromium.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        var violations = await CspViolations.WatchAsync(page);

        await page.GotoAsync(new Uri(dashboard.BaseAddress, "/mentor/signin").ToString());
        await page.FillAsync("input[name=token]", DashboardHostFixture.Token);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => u.EndsWith("/mentor", StringComparison.Ordinal));
        var response = await page.GotoAsync(new Uri(dashboard.BaseAddress, $"/mentor/cohorts/{DashboardHostFixture.Cohort}").ToString());
        await page.Locator("svg[data-chart=stages]").WaitForAsync();

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, await response!.HeaderValueAsync("content-security-policy"));
        Assert.Equal("collapse", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('table')).borderCollapse"));
        Assert.Empty(violations.Seen);
        await page.Context.CloseAsync();
    }
}
