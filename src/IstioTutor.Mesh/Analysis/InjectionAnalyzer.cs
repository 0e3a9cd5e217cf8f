using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>injection/injection.go: namespace not labelled for injection (IST0102), pods without the proxy (IST0103).</summary>
internal sealed class InjectionAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        var labels = model.NamespaceLabels(model.Namespace);
        var known = model.Snapshot.Namespaces.Count > 0;
        var injected = labels.TryGetValue("istio-injection", out var value) ? value == "enabled" : labels.ContainsKey("istio.io/rev");
        if (known && !labels.ContainsKey("istio-injection") && !labels.ContainsKey("istio.io/rev"))
        {
            yield return Messages.NamespaceNotInjected($"Namespace {model.Namespace}", model.Namespace);
        }

        if (!injected)
        {
            yield break;
        }

        foreach (var pod in model.Workloads.Where(w => w.Namespace == model.Namespace && !w.HasSidecar))
        {
            yield return Messages.PodMissingProxy($"Pod {pod.Namespace}/{pod.Name}", $"{pod.Name}.{pod.Namespace}");
        }
    }
}
