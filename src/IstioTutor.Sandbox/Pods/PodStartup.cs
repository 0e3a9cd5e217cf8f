using IstioTutor.Mesh.Apps;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Sandbox.Pods;

/// <summary>The lines a container has printed by the time anyone looks: the app's start-up, or the sidecar's.</summary>
internal static class PodStartup
{
    public static IEnumerable<LogLine> Lines(WorkloadInfo pod, string container, DateTimeOffset started)
    {
        if (container == PodFacts.ProxyContainer)
        {
            var at = started.AddSeconds(1);
            var stamp = at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            return [
                new LogLine(at, $"{stamp}\tinfo\tFLAG: --concurrency=\"2\""),
                new LogLine(at, $"{stamp}\tinfo\tWorkload SDS socket not found. Starting Istio SDS Server"),
                new LogLine(at, $"{stamp}\tinfo\tsds\tSDS: PUSH\tresource=default"),
                new LogLine(at, $"{stamp}\tinfo\tads\tADS: new connection for node:{pod.Name}.{pod.Namespace}-1"),
                new LogLine(at.AddSeconds(1), $"{at.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)}\tinfo\tReadiness succeeded in 1.002107031s"),
                new LogLine(at.AddSeconds(1), $"{at.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)}\tinfo\tEnvoy proxy is ready"),
            ];
        }

        return container == pod.App || !pod.HasSidecar
            ? SampleApps.StartupLines(pod, started).Select(line => new LogLine(started, line))
            : [];
    }
}
