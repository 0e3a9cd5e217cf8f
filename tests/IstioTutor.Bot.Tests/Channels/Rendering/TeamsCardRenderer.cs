using System.Text.Json;
using System.Text.Json.Nodes;
using IstioTutor.Bot.Tests.Browser;
using Microsoft.Playwright;

namespace IstioTutor.Bot.Tests.Channels.Rendering;

/// <summary>What the official renderer made of one card: parse/validation messages, pixel height, visible text.</summary>
public sealed record RenderedCard(ChannelReply Reply, JsonNode Card, IReadOnlyList<string> Events, double Height, string Text, IReadOnlyList<string> ButtonTitles);

/// <summary>
/// Renders Adaptive Cards with npm <c>adaptivecards</c> in headless Chromium under Teams' light host config,
/// in a column as wide as a Teams chat message. CodeBlock is a Teams element the JavaScript renderer does
/// not know, so it renders the card's fallback — the path any client without CodeBlock takes.
/// </summary>
public sealed class TeamsCardRenderer(ChromiumFixture chromium, AdaptiveCardsPackage package)
{
    /// <summary>Width of a card in the Teams desktop chat pane (a "Full" width card on a 1366-pixel screen is wider).</summary>
    public const int ChatWidth = 560;

    private const string RenderScript = """
        (payload) => {
          const { cards, hostConfig } = JSON.parse(payload);
          const root = document.getElementById('root');
          const results = [];
          for (const json of cards) {
            const card = new AdaptiveCards.AdaptiveCard();
            card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
            const context = new AdaptiveCards.SerializationContext();
            card.parse(json, context);
            const events = [];
            for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
            for (const e of card.validateProperties().validationEvents) events.push(e.message);
            const element = card.render();
            root.replaceChildren(element);
            const buttons = [...element.querySelectorAll('button')].map(b => b.innerText.trim());
            results.push({ events, height: element.getBoundingClientRect().height, text: element.innerText, buttons });
          }
          return results;
        }
        """;

    public async Task<IPage> OpenAsync()
    {
        var page = await chromium.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.SetViewportSizeAsync(ChatWidth + 40, 900);
        await page.SetContentAsync($"<!doctype html><html><head><meta charset=utf-8><style>body{{margin:0;padding:20px;background:#f5f5f5;font-family:'Segoe UI',system-ui,sans-serif}} #root{{width:{ChatWidth}px;background:#fff;border-radius:4px;box-shadow:0 1px 2px rgba(0,0,0,.2)}}</style></head><body><div id=root></div></body></html>");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = package.RendererScript });
        return page;
    }

    public async Task<IReadOnlyList<RenderedCard>> RenderAsync(IReadOnlyList<(ChannelReply Reply, JsonNode Card)> cards)
    {
        var page = await OpenAsync();
        var hostConfig = JsonNode.Parse(await File.ReadAllTextAsync(package.TeamsLightHostConfig));
        var rendered = new List<RenderedCard>();
        foreach (var batch in cards.Chunk(50))
        {
            var arg = new JsonObject { ["cards"] = new JsonArray(batch.Select(c => c.Card.DeepClone()).ToArray()), ["hostConfig"] = hostConfig!.DeepClone() };
            var results = await page.EvaluateAsync<JsonElement>(RenderScript, arg.ToJsonString());
            var i = 0;
            foreach (var result in results.EnumerateArray())
            {
                rendered.Add(new RenderedCard(
                    batch[i].Reply,
                    batch[i].Card,
                    result.GetProperty("events").EnumerateArray().Select(e => e.GetString()!).ToArray(),
                    result.GetProperty("height").GetDouble(),
                    result.GetProperty("text").GetString()!,
                    result.GetProperty("buttons").EnumerateArray().Select(e => e.GetString()!).ToArray()));
                i++;
            }
        }

        await page.Context.CloseAsync();
        return rendered;
    }

    /// <summary>Renders one card and saves a PNG of it.</summary>
    public async Task ScreenshotAsync(JsonNode card, string path)
    {
        var page = await OpenAsync();
        var hostConfig = JsonNode.Parse(await File.ReadAllTextAsync(package.TeamsLightHostConfig));
        var arg = new JsonObject { ["cards"] = new JsonArray(card.DeepClone()), ["hostConfig"] = hostConfig };
        await page.EvaluateAsync(RenderScript, arg.ToJsonString());
        await page.Locator("#root").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        await page.Context.CloseAsync();
    }
}
