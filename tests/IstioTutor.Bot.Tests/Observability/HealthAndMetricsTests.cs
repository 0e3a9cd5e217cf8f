using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IstioTutor.Bot.Tests.Hosting;

namespace IstioTutor.Bot.Tests.Observability;

[Collection("bot-host")]
public sealed class HealthAndMetricsTests(BotHostFixture host)
{
    [Fact]
    public async Task Healthz_answers_ok_while_the_process_runs()
    {
        using var response = await host.Http.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_reports_the_knowledge_index_store_and_cluster_checks()
    {
        using var response = await host.Http.GetAsync("readyz");
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", report["status"]!.GetValue<string>());
        Assert.Matches("^[0-9]+ lessons, [0-9]+ sections indexed$", report["checks"]!["knowledge"]!["description"]!.GetValue<string>());
        Assert.Contains("istiotutor.db open", report["checks"]!["store"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(report["checks"]!["cluster"]);
    }

    [Fact]
    public async Task Metrics_count_turns_by_door_in_the_prometheus_format()
    {
        using (await host.Http.PostAsJsonAsync("api/chat", new { text = "/help" }))
        {
        }

        var metrics = await host.Http.GetStringAsync("metrics");

        Assert.Matches("istiotutor_turns_total\\{[^}]*door=\"web\"[^}]*kind=\"command\"[^}]*\\} [1-9]", metrics);
        Assert.Contains("istiotutor_turn_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_apply_moves_refusals_total_under_its_rule()
    {
        string[] series = ["istiotutor_refusals_total{", "rule=\"other-namespace-refused\""];
        var before = Counter(await host.Http.GetStringAsync("metrics"), series);

        using var reply = await host.Http.PostAsJsonAsync("api/chat", new
        {
            text = "/apply\n```yaml\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: grab\n  namespace: kube-system\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n```",
        });

        Assert.Contains("Refused", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await CounterAfterScrapeCacheAsync(series, before + 1));
    }

    [Fact]
    public async Task An_allowed_get_moves_tool_calls_total_with_outcome_ok()
    {
        string[] series = ["istiotutor_tool_calls_total{", "tool=\"get\"", "outcome=\"ok\""];
        var before = Counter(await host.Http.GetStringAsync("metrics"), series);

        using (await host.Http.PostAsJsonAsync("api/chat", new { text = "/get vs" }))
        {
        }

        Assert.Equal(before + 1, await CounterAfterScrapeCacheAsync(series, before + 1));
    }

    /// <summary>
    /// The exporter caches a scrape for a short while, so read until the expected value shows or a few seconds
    /// pass; the last value read is returned either way.
    /// </summary>
    private async Task<double> CounterAfterScrapeCacheAsync(string[] series, double expected)
    {
        var value = 0d;
        for (var deadline = DateTime.UtcNow.AddSeconds(5); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            value = Counter(await host.Http.GetStringAsync("metrics"), series);
            if (value >= expected)
            {
                break;
            }
        }

        return value;
    }

    /// <summary>The value of the Prometheus series that starts with the metric and carries every label; 0 before it is exported.</summary>
    private static double Counter(string exposition, string[] series)
    {
        var line = exposition.Split('\n').FirstOrDefault(l => l.StartsWith(series[0], StringComparison.Ordinal) && series.Skip(1).All(label => l.Contains(label, StringComparison.Ordinal)));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf('}') + 2)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
