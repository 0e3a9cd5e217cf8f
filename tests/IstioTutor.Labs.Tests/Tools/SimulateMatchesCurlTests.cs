using System.Diagnostics;
using IstioTutor.Labs.Tests.Fixtures;

namespace IstioTutor.Labs.Tests.Tools;

/// <summary>Chat's /simulate and a curl through kubectl exec read the same configuration through the same simulator.</summary>
[Collection(TutorHostCollection.Name)]
public sealed class SimulateMatchesCurlTests(TutorHostFixture host)
{
    private const string ReviewsToV2 = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews
          subsets:
          - name: v1
            labels: {version: v1}
          - name: v2
            labels: {version: v2}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews, subset: v2}
        """;

    [KubectlFact]
    public async Task Simulate_in_chat_and_curl_from_a_pod_both_reach_reviews_v2()
    {
        var kubectl = KubectlFactAttribute.Executable!;
        var learner = TutorHostFixture.NewLearner("truth");
        await host.ApplyAndConfirmAsync(learner, ReviewsToV2);

        var simulated = await host.SendAsync(learner, "/simulate reviews --from productpage --count 20");
        var curled = await RunAsync(kubectl, "exec", "-n", $"learn-{learner}", "deploy/productpage-v1", "--", "sh", "-c", "for i in $(seq 1 10); do curl -s reviews:9080/reviews/0; echo; done");

        Assert.Contains("v2 100%", simulated.Text, StringComparison.Ordinal);
        var podNames = curled.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.Nodes.JsonNode.Parse(line)!["podname"]!.GetValue<string>()).Distinct().ToList();
        var pod = Assert.Single(podNames);
        Assert.StartsWith("reviews-v2-", pod, StringComparison.Ordinal);
        Assert.Contains("\"color\":\"black\"", curled, StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(string kubectl, params string[] arguments)
    {
        var start = new ProcessStartInfo(kubectl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--kubeconfig", host.KubeconfigPath, "--cache-dir", Path.Combine(Path.GetTempPath(), "istiotutor-kubectl-" + Environment.ProcessId) }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"kubectl exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
