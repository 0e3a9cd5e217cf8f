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
}
