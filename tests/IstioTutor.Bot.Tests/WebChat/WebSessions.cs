using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IstioTutor.Bot.Tests.WebChat;

/// <summary>A web chat session as a browser holds it: the cookie the host issued on the first turn.</summary>
internal sealed record WebSession(string Cookie)
{
    /// <summary>The cookie's value (the session secret).</summary>
    public string Secret => Cookie[(Cookie.IndexOf('=', StringComparison.Ordinal) + 1)..];
}

internal static class WebSessions
{
    /// <summary>Posts a first turn without cookies and keeps the session cookie the host sets.</summary>
    public static async Task<WebSession> StartAsync(HttpClient http, string text = "/stage", string? name = null)
    {
        using var response = await http.PostAsJsonAsync("api/chat", new { text, name });
        response.EnsureSuccessStatusCode();
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("istiotutor_", StringComparison.Ordinal));
        return new WebSession(setCookie.Split(';')[0]);
    }

    /// <summary>Posts a turn with exactly these cookies; returns the reply text and whether a new cookie was set.</summary>
    public static async Task<(string Text, bool NewSession)> SendAsync(HttpClient http, string? cookie, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { text }) };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (json["text"]!.GetValue<string>(), response.Headers.Contains("Set-Cookie"));
    }
}
