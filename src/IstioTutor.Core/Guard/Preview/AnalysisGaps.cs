using IstioTutor.Core.Mesh.Istio.Analysis;

namespace IstioTutor.Core.Guard.Preview;

/// <summary>
/// Findings that come from what a namespace snapshot cannot see rather than from the learner's config.
/// The snapshot carries only the learner's pods, so a Gateway selecting the shared ingress/egress gateway
/// pods (which live in istio-system) looks like it selects nothing (IST0101 "selector not found").
/// </summary>
public static class AnalysisGaps
{
    public static bool IsSnapshotArtefact(AnalysisMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Code == "IST0101"
            && message.Resource.StartsWith("Gateway ", StringComparison.Ordinal)
            && message.Message.Contains("selector not found", StringComparison.Ordinal)
            && (message.Message.Contains("istio=ingressgateway", StringComparison.Ordinal) || message.Message.Contains("istio=egressgateway", StringComparison.Ordinal));
    }

    public static IReadOnlyList<AnalysisMessage> Without(IEnumerable<AnalysisMessage> messages) =>
        messages.Where(m => !IsSnapshotArtefact(m)).ToList();
}
