using System.Net;
using IstioTutor.Bot.Hosting;
using Microsoft.AspNetCore.Builder;

namespace IstioTutor.Bot.Tests.Dashboard;

/// <summary>Mentor sign-in is rate-limited per client address: guessing the token is bounded, and the limit holds even for the right token.</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private const string Token = "rate-limit-token-0123456789abcdef";
    private readonly string _data = Directory.CreateTempSubdirectory("istiotutor-ratelimit-").FullName;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = BotHost.Build(_data, new Dictionary<string, string?>
        {
            ["Serve:Port"] = "0",
            ["Dashboard:MentorToken"] = Token,
            ["Dashboard:SignInAttemptsPerMinute"] = "5",
        });
        await _app.StartAsync();
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_are_answered_429_even_with_the_right_token()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _app.BaseAddress() };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var wrong = await http.PostAsync("mentor/signin", new FormUrlEncodedContent([new("token", $"wrong-guess-{i:D4}-0123456789")]));
            statuses.Add(wrong.StatusCode);
        }

        using var right = await http.PostAsync("mentor/signin", new FormUrlEncodedContent([new("token", Token)]));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter is not null);
        Assert.False(right.Headers.Contains("Set-Cookie"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // LiteDB may still hold the file briefly.
        }
    }
}
