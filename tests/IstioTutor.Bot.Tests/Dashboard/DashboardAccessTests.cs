using System.Net;
using System.Net.Http.Headers;

namespace IstioTutor.Bot.Tests.Dashboard;

/// <summary>The dashboard over real HTTP: nothing without the mentor token, everything with it.</summary>
public sealed class DashboardAccessTests(DashboardHostFixture host) : IClassFixture<DashboardHostFixture>
{
    private static HttpRequestMessage Get(string path, string? bearer = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return request;
    }

    [Theory]
    [InlineData("/mentor")]
    [InlineData("/mentor/cohorts/platform-team")]
    [InlineData("/mentor/learners/ada")]
    public async Task A_page_without_a_session_redirects_to_sign_in(string path)
    {
        using var response = await host.Http.SendAsync(Get(path));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/mentor/signin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_csv_export_without_a_token_is_401()
    {
        using var response = await host.Http.SendAsync(Get($"/mentor/cohorts/{DashboardHostFixture.Cohort}/report.csv"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Ada", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_bearer_token_is_401()
    {
        using var response = await host.Http.SendAsync(Get($"/mentor/cohorts/{DashboardHostFixture.Cohort}/report.json", bearer: DashboardHostFixture.Token + "x"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_session_cookie_is_refused()
    {
        var farFuture = DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeSeconds();
        using var response = await host.Http.SendAsync(Get("/mentor", cookie: $"istiotutor_mentor={farFuture}.{new string('0', 64)}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_at_sign_in_is_refused_without_a_cookie()
    {
        using var response = await host.Http.PostAsync("/mentor/signin", new FormUrlEncodedContent([new("token", "guess-guess-guess-guess")]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Signing_in_sets_an_http_only_strict_cookie_that_opens_the_pages()
    {
        using var signIn = await host.Http.PostAsync("/mentor/signin", new FormUrlEncodedContent([new("token", DashboardHostFixture.Token)]));
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);

        using var page = await host.Http.SendAsync(Get($"/mentor/cohorts/{DashboardHostFixture.Cohort}", cookie: setCookie.Split(';')[0]));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Ada Lovelace", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bearer_token_downloads_the_cohort_csv_with_one_row_per_learner()
    {
        using var response = await host.Http.SendAsync(Get($"/mentor/cohorts/{DashboardHostFixture.Cohort}/report.csv", bearer: DashboardHostFixture.Token));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(4, lines.Length); // header + three learners
        Assert.Contains(lines, l => l.StartsWith($"{host.CyId},", StringComparison.Ordinal) && l.Contains("lab traffic-shifting failed 3 times in a row", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_display_name_that_looks_like_a_formula_is_neutralised_in_the_csv()
    {
        using var response = await host.Http.SendAsync(Get($"/mentor/cohorts/{DashboardHostFixture.Cohort}/report.csv", bearer: DashboardHostFixture.Token));

        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_report_carries_the_stage_distribution()
    {
        using var response = await host.Http.SendAsync(Get($"/mentor/cohorts/{DashboardHostFixture.Cohort}/report.json", bearer: DashboardHostFixture.Token));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var stages = json.RootElement.GetProperty("stageDistribution");
        Assert.Equal((2, 1), (stages.GetProperty("beginner").GetInt32(), stages.GetProperty("intermediate").GetInt32()));
    }
}
