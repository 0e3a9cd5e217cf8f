using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Bot.Tests.Hosting;
using IstioTutor.Core.Guard.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Bot.Tests.WebChat;

[Collection("bot-host")]
public sealed class WebChatApiTests(BotHostFixture host)
{
    [Fact]
    public async Task Chat_answers_a_question_as_json_with_citations()
    {
        using var response = await host.Http.PostAsJsonAsync("api/chat", new { text = "What does a VirtualService do?" });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json["grounded"]!.GetValue<bool>());
        Assert.Equal("beginner", json["stage"]!.GetValue<string>());
        Assert.Contains(json["citations"]!.AsArray(), c => c!["lessonId"]!.GetValue<string>() == "virtualservice-basics");
    }

    [Fact]
    public async Task Chat_issues_an_http_only_session_cookie_on_first_contact()
    {
        using var response = await host.Http.PostAsJsonAsync("api/chat", new { text = "/stage" });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Matches("^istiotutor_session=[a-z0-9_-]{43}; .*httponly", cookie.ToLowerInvariant());
        Assert.Contains("samesite=strict", cookie.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_keeps_an_issued_session_and_replaces_a_forged_one()
    {
        var issued = await WebSessions.StartAsync(host.Http);
        using var kept = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { text = "/stage" }) };
        kept.Headers.Add("Cookie", issued.Cookie);
        using var forged = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { text = "/stage" }) };
        forged.Headers.Add("Cookie", "istiotutor_session=alice");

        using var keptResponse = await host.Http.SendAsync(kept);
        using var forgedResponse = await host.Http.SendAsync(forged);

        Assert.False(keptResponse.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("istiotutor_session=alice", Assert.Single(forgedResponse.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_refuses_a_body_that_is_not_json_with_415_and_says_what_to_send()
    {
        using var response = await host.Http.PostAsync("api/chat", new StringContent("text=hi", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type: application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_refuses_malformed_json_with_400_naming_the_place()
    {
        using var response = await host.Http.PostAsync("api/chat", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_refuses_an_action_with_an_invalid_verb_and_runs_nothing()
    {
        var audit = host.App.Services.GetRequiredService<IAuditLog>();
        var audited = audit.Query(null, 100_000).Count;

        using var response = await host.Http.PostAsJsonAsync("api/chat", new { action = new { verb = "CONFIRM NOW", argument = "p-1" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("verb", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Refused before any turn ran: no set-cookie learner was made to act, and the guard saw nothing.
        Assert.False(response.Headers.Contains("Set-Cookie"), "a refused request must not issue a learner identity");
        Assert.Equal(audited, audit.Query(null, 100_000).Count);
    }

    [Fact]
    public async Task Page_and_its_assets_are_served_without_external_references()
    {
        var html = await host.Http.GetStringAsync("");
        var script = await host.Http.GetStringAsync("webchat/app.js");

        Assert.Contains("<script src=\"/webchat/app.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/api/chat", script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("webchat/secrets.json")).StatusCode);
    }
}
