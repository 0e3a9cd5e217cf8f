using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>
/// injection/injection.go: more than one kind of injection label (IST0123), namespace not labelled for
/// injection (IST0102; an ambient namespace needs none), pods without the proxy (IST0103).
/// </summary>
internal sealed class InjectionAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        var labels = model.NamespaceLabels(model.Namespace);
        var known = model.Snapshot.Namespaces.Count > 0;
        var injected = labels.TryGetValue("istio-injection", out var value) ? value == "enabled" : labels.ContainsKey("istio.io/rev");
        var istioLabels = new List<string>();
        if (value is not null)
        {
            istioLabels.Add($"istio-injection={value}");
        }

        foreach (var label in new[] { "istio.io/rev", AmbientMesh.DataplaneModeLabel }.Where(l => labels.ContainsKey(l) && (value is null || value == "enabled")))
        {
            istioLabels.Add($"{label}={labels[label]}");
        }

        if (istioLabels.Count > 1)
        {
            yield return AmbientMessages.NamespaceMultipleInjectionLabels($"Namespace {model.Namespace}", istioLabels);
        }

        if (labels.TryGetValue(AmbientMesh.DataplaneModeLabel, out var mode) && mode == "ambient")
        {
            yield break;
        }

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
