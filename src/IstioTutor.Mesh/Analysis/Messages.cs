namespace IstioTutor.Mesh.Analysis;

/// <summary>The IST codes and templates of pkg/config/analysis/msg/messages.yaml that IstioTutor reports.</summary>
internal static class Messages
{
    public static AnalysisMessage ReferencedResourceNotFound(string resource, string what, string name) =>
        new("IST0101", "ReferencedResourceNotFound", AnalysisLevel.Error, $"Referenced {what} not found: \"{name}\"", resource);

    public static AnalysisMessage NamespaceNotInjected(string resource, string ns) =>
        new("IST0102", "NamespaceNotInjected", AnalysisLevel.Info, $"The namespace is not enabled for Istio injection. Run 'kubectl label namespace {ns} istio-injection=enabled' to enable it, or 'kubectl label namespace {ns} istio-injection=disabled' to explicitly mark it as not needing injection.", resource);

    public static AnalysisMessage PodMissingProxy(string resource, string pod) =>
        new("IST0103", "PodMissingProxy", AnalysisLevel.Warning, $"The pod {pod} is missing the Istio proxy. This can often be resolved by restarting or redeploying the workload.", resource);

    public static AnalysisMessage SchemaValidationError(string resource, string error) =>
        new("IST0106", "SchemaValidationError", AnalysisLevel.Error, $"Schema validation error: {error}", resource);

    public static AnalysisMessage SchemaWarning(string resource, string warning) =>
        new("IST0133", "SchemaWarning", AnalysisLevel.Warning, $"Schema validation warning: {warning}", resource);

    public static AnalysisMessage ConflictingMeshGatewayVirtualServiceHosts(string resource, string virtualServices, string host) =>
        new("IST0109", "ConflictingMeshGatewayVirtualServiceHosts", AnalysisLevel.Error, $"The VirtualServices {virtualServices} associated with mesh gateway define the same host {host} which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.", resource);

    public static AnalysisMessage VirtualServiceDestinationPortSelectorRequired(string resource, string host, IEnumerable<int> ports) =>
        new("IST0112", "VirtualServiceDestinationPortSelectorRequired", AnalysisLevel.Error, $"This VirtualService routes to a service \"{host}\" that exposes multiple ports [{string.Join(" ", ports)}]. Specifying a port in the destination is required to disambiguate.", resource);

    /// <summary>
    /// Istio retired IST0113 when auto mTLS made most DestinationRule/PeerAuthentication conflicts
    /// harmless; an explicit tls.mode DISABLE or SIMPLE against STRICT still breaks every call, so
    /// IstioTutor reports it under the code Istio used for exactly this conflict.
    /// </summary>
    public static AnalysisMessage MtlsPolicyConflict(string resource, string host, string destinationRule, string mode, string peerAuthentication) =>
        new("IST0113", "MTLSPolicyConflict", AnalysisLevel.Error, $"A DestinationRule and PeerAuthentication are in conflict with regards to whether to use mTLS for host {host}. The DestinationRule \"{destinationRule}\" sets tls.mode {mode} (no Istio mTLS) but the PeerAuthentication \"{peerAuthentication}\" requires STRICT mTLS, so every request is refused (503). Istio no longer reports this code (retired); IstioTutor keeps it because the conflict still breaks traffic.", resource);

    public static AnalysisMessage NoMatchingWorkloadsFound(string resource, string labels) =>
        new("IST0127", "NoMatchingWorkloadsFound", AnalysisLevel.Warning, $"No matching workloads for this resource with the following labels: {labels}", resource);

    /// <summary>IST0127's check applied to a kind istioctl analyze does not check (it only checks AuthorizationPolicy); the message says so.</summary>
    public static AnalysisMessage NoMatchingWorkloadsFoundTutorCheck(string resource, string kind, string labels) =>
        new("IST0127", "NoMatchingWorkloadsFound", AnalysisLevel.Warning, $"No matching workloads for this resource with the following labels: {labels} (IstioTutor's own check: istioctl analyze reports IST0127 only for AuthorizationPolicy, not for {kind})", resource);

    public static AnalysisMessage NoServerCertificateVerificationDestinationLevel(string resource, string name, string ns, string mode, string host) =>
        new("IST0128", "NoServerCertificateVerificationDestinationLevel", AnalysisLevel.Warning, $"DestinationRule {name} in namespace {ns} has TLS mode set to {mode} but no caCertificates are set to validate server identity for host: {host}", resource);

    public static AnalysisMessage NoServerCertificateVerificationPortLevel(string resource, string name, string ns, string mode, string host, string port) =>
        new("IST0129", "NoServerCertificateVerificationPortLevel", AnalysisLevel.Warning, $"DestinationRule {name} in namespace {ns} has TLS mode set to {mode} but no caCertificates are set to validate server identity for host: {host} at port {port}", resource);

    public static AnalysisMessage VirtualServiceUnreachableRule(string resource, string rule, string reason) =>
        new("IST0130", "VirtualServiceUnreachableRule", AnalysisLevel.Warning, $"VirtualService rule {rule} not used ({reason}).", resource);

    public static AnalysisMessage VirtualServiceIneffectiveMatch(string resource, string rule, string match, string duplicateOf) =>
        new("IST0131", "VirtualServiceIneffectiveMatch", AnalysisLevel.Info, $"VirtualService rule {rule} match {match} is not used (duplicate/overlapping match in rule {duplicateOf}).", resource);

    public static AnalysisMessage VirtualServiceHostNotFoundInGateway(string resource, IEnumerable<string> hosts, string virtualService, string gateway) =>
        new("IST0132", "VirtualServiceHostNotFoundInGateway", AnalysisLevel.Warning, $"one or more host [{string.Join(" ", hosts)}] defined in VirtualService {virtualService} not found in Gateway {gateway}.", resource);

    public static AnalysisMessage ServiceEntryAddressesRequired(string resource) =>
        new("IST0134", "ServiceEntryAddressesRequired", AnalysisLevel.Warning, "ServiceEntry addresses are required for this protocol.", resource);

    public static AnalysisMessage IneffectiveSelector(string resource, string gateway) =>
        new("IST0166", "IneffectiveSelector", AnalysisLevel.Warning, $"Ineffective selector on Kubernetes Gateway {gateway}. Use the TargetRef field instead.", resource);

    public static AnalysisMessage ConflictingGateways(string resource, string gateways, string selector, string port, IEnumerable<string> hosts) =>
        new("IST0145", "ConflictingGateways", AnalysisLevel.Error, $"Conflict with gateways {gateways} (workload selector {selector}, port {port}, hosts [{string.Join(" ", hosts)}]).", resource);

    public static AnalysisMessage DestinationRuleSubsetNotSelectPods(string resource, string subset) =>
        new("IST0173", "DestinationRuleSubsetNotSelectPods", AnalysisLevel.Error, $"The Subset {subset} defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).", resource);

    public static AnalysisMessage UnknownDestinationRuleHost(string resource, string host) =>
        new("IST0174", "UnknownDestinationRuleHost", AnalysisLevel.Warning, $"The host {host} defined in the DestinationRule does not match any services in the mesh.", resource);

    public static string FormatLabels(IReadOnlyDictionary<string, string> labels) =>
        string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
