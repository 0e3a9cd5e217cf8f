namespace IstioTutor.Bot.Tests.Browser;

[Collection("browser")]
public sealed class ChromiumFixtureTests(ChromiumFixture chromium)
{
    [SkippableFact]
    public async Task Pages_from_separate_calls_do_not_share_local_storage()
    {
        chromium.SkipIfUnavailable();
        var first = await chromium.NewPageAsync();
        await first.SetContentAsync("<p>one</p>");
        await first.EvaluateAsync("() => window.name = 'first'");
        var second = await chromium.NewPageAsync();
        var name = await second.EvaluateAsync<string>("() => window.name");
        Assert.Equal("", name);
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }
}
