using IstioTutor.Bot.Tests.Browser;
using Microsoft.Playwright;

namespace IstioTutor.Bot.Tests.Dashboard;

/// <summary>The mentor dashboard in a real headless Chromium: sign-in, charts that paint, the learner page.</summary>
[Collection("browser")]
public sealed class DashboardBrowserTests(ChromiumFixture chromium, DashboardHostFixture host) : IClassFixture<DashboardHostFixture>
{
    private async Task<IPage> SignedInPageAsync()
    {
        var page = await chromium.NewPageAsync();
        page.SetDefaultTimeout(90_000); // two shared cores under a full parallel build can stall a page for seconds
        await page.GotoAsync(new Uri(host.BaseAddress, $"/mentor/cohorts/{DashboardHostFixture.Cohort}").ToString());
        Assert.EndsWith("/mentor/signin", page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=token]", DashboardHostFixture.Token);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => u.EndsWith("/mentor", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(host.BaseAddress, $"/mentor/cohorts/{DashboardHostFixture.Cohort}").ToString());
        return page;
    }

    [SkippableFact]
    public async Task A_mentor_signs_in_and_sees_the_cohort_with_every_learner()
    {
        chromium.SkipIfUnavailable();
        var page = await SignedInPageAsync();

        var rows = await page.Locator("#learners tbody tr").AllInnerTextsAsync();

        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.Contains("Ada Lovelace", StringComparison.Ordinal) && r.Contains("90%", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task The_session_cookie_is_invisible_to_page_scripts()
    {
        chromium.SkipIfUnavailable();
        var page = await SignedInPageAsync();

        Assert.Equal("", await page.EvaluateAsync<string>("() => document.cookie"));
        await page.Context.CloseAsync();
    }

    [SkippableTheory]
    [InlineData("stages", 0x33, 0x67, 0xd6)]
    [InlineData("labs", 0x0f, 0x9d, 0x58)]
    [InlineData("quiz", 0xf4, 0xb4, 0x00)]
    public async Task Each_chart_renders_with_a_size_and_paints_its_colour(string chart, int r, int g, int b)
    {
        chromium.SkipIfUnavailable();
        var page = await SignedInPageAsync();
        var svg = page.Locator($"svg[data-chart={chart}]");

        var box = await svg.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 100 && box.Height > 100, $"chart {chart} is {box.Width}x{box.Height}");

        var pixels = PngPixels.Decode(await svg.ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png }));
        var painted = pixels.CountNear((byte)r, (byte)g, (byte)b);
        Assert.True(painted > 150, $"chart {chart} painted {painted} pixels of its colour out of {pixels.Width * pixels.Height}");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task The_labs_chart_draws_a_line_when_every_pass_fell_on_one_day()
    {
        chromium.SkipIfUnavailable();
        var page = await SignedInPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, $"/mentor/cohorts/{DashboardHostFixture.OneDayCohort}").ToString());

        var pixels = PngPixels.Decode(await page.Locator("svg[data-chart=labs]").ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png }));

        var painted = pixels.CountNear(0x0f, 0x9d, 0x58);
        Assert.True(painted > 150, $"the one-day labs chart painted {painted} green pixels");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task The_lab_matrix_shows_who_passed_which_lab_and_who_is_stuck_where()
    {
        chromium.SkipIfUnavailable();
        var page = await SignedInPageAsync();

        var ada = page.Locator("#matrix tbody tr", new PageLocatorOptions { HasText = "Ada Lovelace" });
        var cy = page.Locator($"#matrix tbody tr:has(a[href='/mentor/learners/{host.CyId}'])");

        Assert.Equal("✓", (await ada.Locator("td[data-lab='sidecar-injection']").InnerTextAsync()).Trim());
        Assert.Equal("·", (await ada.Locator("td[data-lab='traffic-shifting']").InnerTextAsync()).Trim());
        Assert.Equal("✗3", (await cy.Locator("td[data-lab='traffic-shifting']").InnerTextAsync()).Trim());
        Assert.Contains("failing", await cy.Locator("td[data-lab='traffic-shifting']").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#matrix tbody tr").CountAsync());
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task The_dashboard_is_styled_by_its_own_stylesheet_with_no_inline_style_or_script()
    {
        chromium.SkipIfUnavailable();
        var page = await SignedInPageAsync();

        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        var inline = await page.EvaluateAsync<int>("() => document.querySelectorAll('style, script, [style]').length");
        var header = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header.top')).display");

        Assert.Equal("rgb(245, 247, 251)", background);
        Assert.Equal("flex", header);
        Assert.Equal(0, inline);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task The_learner_page_shows_their_lab_failures_and_why_they_are_stuck()
    {
        chromium.SkipIfUnavailable();
        var page = await SignedInPageAsync();
        await page.ClickAsync($"a[href='/mentor/learners/{host.CyId}']");

        var text = await page.InnerTextAsync("body");

        Assert.Contains("Stuck: lab traffic-shifting failed 3 times in a row", text, StringComparison.Ordinal);
        Assert.Contains("weights add up to 90", text, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Signing_out_closes_the_dashboard_again()
    {
        chromium.SkipIfUnavailable();
        var page = await SignedInPageAsync();
        await page.ClickAsync("nav button[type=submit]");
        await page.GotoAsync(new Uri(host.BaseAddress, "/mentor").ToString());

        Assert.EndsWith("/mentor/signin", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
