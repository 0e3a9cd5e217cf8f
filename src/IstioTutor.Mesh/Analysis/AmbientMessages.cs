namespace IstioTutor.Mesh.Analysis;

/// <summary>
/// The IST codes of pkg/config/analysis/msg/messages.yaml that the ambient analyzers report (kept apart from
/// <see cref="Messages"/> so the Gateway API analyzers and these can grow side by side).
/// </summary>
internal static class AmbientMessages
{
    /// <summary>IST0123: e.g. istio-injection=enabled beside istio.io/dataplane-mode=ambient.</summary>
    public static AnalysisMessage NamespaceMultipleInjectionLabels(string resource, IEnumerable<string> labels) =>
        new("IST0123", "NamespaceMultipleInjectionLabels", AnalysisLevel.Warning, $"The namespace has more than one type of injection labels [{string.Join(" ", labels)}], which may lead to undefined behavior. Make sure only one injection label exists.", resource);

    /// <summary>IST0171, as conditions.ConditionAnalyzer reports a negative status condition (here WaypointAccepted, which istiod writes on AuthorizationPolicies with targetRefs).</summary>
    public static AnalysisMessage NegativeConditionStatus(string resource, string type, string reason, string message) =>
        new("IST0171", "NegativeConditionStatus", AnalysisLevel.Warning, $"A condition with a negative status is present: type={type}, reason={reason}, message={message}.", resource);

    /// <summary>
    /// The ZtunnelAccepted condition istiod writes (reason UnsupportedValue) on a policy ztunnel enforces without
    /// its HTTP rules. istiod sets it with status True, so istioctl analyze stays silent; IstioTutor shows it under
    /// IST0171's name and says so, because this is the mistake ambient newcomers make first.
    /// </summary>
    public static AnalysisMessage ZtunnelUnsupportedHttp(string resource, string conditionMessage) =>
        new("IST0171", "NegativeConditionStatus", AnalysisLevel.Warning, $"A condition with a negative status is present: type=ZtunnelAccepted, reason=UnsupportedValue, message={conditionMessage} (IstioTutor's own check: istiod writes this condition with status True, so istioctl analyze does not report it; kubectl get authorizationpolicy -o yaml shows it.)", resource);
}
