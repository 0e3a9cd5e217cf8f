using System.Diagnostics;

namespace IstioTutor.Labs.Tests.Fixtures;

/// <summary>The real kubectl against the tutor's embedded sandbox, as a learner runs it beside the chat (what the guard leaves to kubectl: Services, workloads).</summary>
internal sealed class LearnerKubectl(TutorHostFixture host)
{
    /// <summary>Runs kubectl with <paramref name="stdin"/>; fails the test on a non-zero exit, returns stdout.</summary>
    public async Task<string> RunAsync(string? stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo(KubectlFactAttribute.Executable!) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--kubeconfig", host.KubeconfigPath, "--cache-dir", Path.Combine(Path.GetTempPath(), "istiotutor-kubectl-" + Environment.ProcessId) }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin ?? "");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    /// <summary>The Services of Istio's samples/bookinfo/platform/kube/bookinfo-versions.yaml (written for these tests), applied with kubectl.</summary>
    public Task<string> ApplyVersionServicesAsync(string ns) => RunAsync(VersionServices, "apply", "-n", ns, "-f", "-");

    private static string VersionServices => string.Join("---\n",
        new[] { ("reviews", "v1"), ("reviews", "v2"), ("reviews", "v3"), ("productpage", "v1"), ("ratings", "v1"), ("details", "v1") }.Select(s => $"""
            apiVersion: v1
            kind: Service
            metadata:
              name: {s.Item1}-{s.Item2}
            spec:
              ports:
              - port: 9080
                name: http
              selector:
                app: {s.Item1}
                version: {s.Item2}

            """));
}
