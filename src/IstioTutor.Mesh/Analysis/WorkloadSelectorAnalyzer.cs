using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>
/// IST0127: a policy whose selector matches no pod does nothing. istioctl checks AuthorizationPolicy;
/// IstioTutor applies the same check to the other selector-based policies learners write, and those
/// messages say they are IstioTutor's own check so learners do not expect them from istioctl.
/// </summary>
internal sealed class WorkloadSelectorAnalyzer : IMeshAnalyzer
{
    private static readonly (string Kind, string Path, string Labels)[] Selectors =
    [
        ("AuthorizationPolicy", "selector", "matchLabels"),
        ("PeerAuthentication", "selector", "matchLabels"),
        ("RequestAuthentication", "selector", "matchLabels"),
        ("Telemetry", "selector", "matchLabels"),
        ("Sidecar", "workloadSelector", "labels"),
    ];

    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        foreach (var (kind, path, labelsField) in Selectors)
        {
            foreach (var policy in model.LocalOfKind(kind))
            {
                var labels = JsonFields.Labels(policy.Spec[path]?[labelsField]);
                if (labels.Count == 0)
                {
                    continue;
                }

                if (!model.Workloads.Any(w => (w.Namespace == policy.Namespace || policy.Namespace == MeshSnapshot.RootNamespace) && w.Matches(labels)))
                {
                    yield return kind == "AuthorizationPolicy"
                        ? Messages.NoMatchingWorkloadsFound(policy.Reference, Messages.FormatLabels(labels))
                        : Messages.NoMatchingWorkloadsFoundTutorCheck(policy.Reference, kind, Messages.FormatLabels(labels));
                }
            }
        }
    }
}
