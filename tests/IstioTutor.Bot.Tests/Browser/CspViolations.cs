using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace IstioTutor.Bot.Tests.Browser;

/// <summary>Collects what Chromium reports as Content-Security-Policy violations on one page (console and events).</summary>
internal sealed class CspViolations
{
    private readonly ConcurrentQueue<string> _seen = new();

    public IReadOnlyCollection<string> Seen => _seen;

    public static async Task<CspViolations> WatchAsync(IPage page)
    {
        var violations = new CspViolations();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations._seen.Enqueue(message.Text);
            }
        };
        // Init scripts are injected by the browser driver, not by the page, so the policy does not stop them.
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        return violations;
    }
}
