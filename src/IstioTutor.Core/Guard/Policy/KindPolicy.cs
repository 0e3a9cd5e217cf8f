using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Guard.Policy;

/// <summary>
/// Which kinds a learner may write (Istio's configuration kinds and the Gateway API's namespaced ones, at
/// any version their CRDs serve — see <c>ResourceKinds</c>) and why everything else is refused.
/// </summary>
public static class KindPolicy
{
    private static readonly HashSet<string> ClusterScoped = new(StringComparer.OrdinalIgnoreCase)
    {
        "Namespace", "Node", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
        "StorageClass", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "PriorityClass",
        "APIService", "CertificateSigningRequest", "RuntimeClass", "IngressClass", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "MeshConfig", "GatewayClass",
    };

    private static readonly HashSet<string> SecretKind = new(StringComparer.OrdinalIgnoreCase) { "Secret" };

    private static readonly HashSet<string> Rbac = new(StringComparer.OrdinalIgnoreCase) { "Role", "RoleBinding", "ServiceAccount" };

    private static readonly HashSet<string> Workloads = new(StringComparer.OrdinalIgnoreCase)
    {
        "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service", "Endpoints",
        "EndpointSlice", "ConfigMap", "PersistentVolumeClaim", "Ingress", "NetworkPolicy", "HorizontalPodAutoscaler",
        "PodDisruptionBudget", "LimitRange", "ResourceQuota",
    };

    /// <summary>Resolves a manifest's apiVersion/kind to a writable Istio kind or throws a refusal saying why not.</summary>
    public static KindResolution ResolveWritable(string? apiVersion, string? kind, string where)
    {
        if (string.IsNullOrWhiteSpace(kind) || string.IsNullOrWhiteSpace(apiVersion))
        {
            throw GuardException.Input(
                "missing-type",
                $"{where} has no {(string.IsNullOrWhiteSpace(kind) ? "kind" : "apiVersion")}. Every document needs apiVersion and kind, e.g. apiVersion: networking.istio.io/v1, kind: VirtualService.",
                $"{where}에 {(string.IsNullOrWhiteSpace(kind) ? "kind" : "apiVersion")}가 없습니다. 모든 문서에는 apiVersion 과 kind 가 필요합니다(예: networking.istio.io/v1, VirtualService).");
        }

        RefuseNonIstio(kind, where);
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : apiVersion[..slash];
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];

        // "Gateway" is both Istio's and the Gateway API's: the group decides, and Istio's is the default.
        var named = ResourceKinds.Config.Where(k => string.Equals(k.Kind, kind, StringComparison.Ordinal)).ToList();
        var istio = named.FirstOrDefault(k => k.Group == group) ?? named.FirstOrDefault();
        if (istio is null)
        {
            var close = ResourceKinds.Config.FirstOrDefault(k => string.Equals(k.Kind, kind, StringComparison.OrdinalIgnoreCase));
            var writable = string.Join(", ", ResourceKinds.Config.Select(k => k.Kind).Distinct());
            throw GuardException.Input(
                "unknown-kind",
                $"{where}: kind '{kind}' is not an Istio or Gateway API resource IstioTutor knows{(close is null ? "" : $" (did you mean {close.Kind}? kinds are case-sensitive)")}. Writable kinds: {writable}.",
                $"{where}: '{kind}'는 IstioTutor가 아는 Istio·Gateway API 리소스 종류가 아닙니다{(close is null ? "" : $"({close.Kind}를 뜻했나요? 대소문자를 구분합니다)")}. 쓸 수 있는 종류: {writable}.");
        }

        var versions = ResourceKinds.ServedVersions(istio);
        if (group != istio.Group || !versions.Contains(version, StringComparer.Ordinal))
        {
            var served = versions;
            throw GuardException.Input(
                "unknown-api-version",
                $"{where}: apiVersion '{apiVersion}' does not serve {kind}. Use {istio.ApiVersion} (served: {string.Join(", ", served.Select(v => $"{istio.Group}/{v}"))}).",
                $"{where}: apiVersion '{apiVersion}'에는 {kind}가 없습니다. {istio.ApiVersion} 을(를) 쓰세요(제공 버전: {string.Join(", ", served.Select(v => $"{istio.Group}/{v}"))}).");
        }

        string? dated = version == istio.Version
            ? null
            : $"{where}: {apiVersion} is a dated version of {kind}; the CRD still serves it and stores it as {istio.ApiVersion}, which new manifests should use.";
        return new KindResolution(istio, dated);
    }

    /// <summary>Refuses Secrets, RBAC, workloads and cluster-scoped kinds, with the reason for each family.</summary>
    public static void RefuseNonIstio(string kind, string where)
    {
        if (ResourceKinds.Config.Any(k => string.Equals(k.Kind, kind, StringComparison.Ordinal)))
        {
            return;
        }

        if (IsIn(SecretKind, kind))
        {
            throw GuardException.Policy(
                "secret-refused",
                $"{where}: Secrets are refused — they hold credentials, and the tutor never reads or writes them. Labs only need Istio configuration.",
                $"{where}: Secret 은 거부됩니다. 자격 증명을 담고 있어 튜터는 읽거나 쓰지 않습니다. 실습에는 Istio 설정만 필요합니다.");
        }

        if (IsIn(ClusterScoped, kind))
        {
            throw GuardException.Policy(
                "cluster-scoped-refused",
                $"{where}: {kind} is cluster-scoped; nobody makes cluster-wide changes through the tutor. Work with Istio resources in your own namespace.",
                $"{where}: {kind}는 클러스터 범위 리소스입니다. 튜터로는 누구도 클러스터 전체를 바꿀 수 없습니다. 자기 네임스페이스의 Istio 리소스로 실습하세요.");
        }

        if (IsIn(Rbac, kind))
        {
            throw GuardException.Policy(
                "rbac-refused",
                $"{where}: {kind} (Kubernetes RBAC/identity) is refused; access control in the sandbox is fixed. Use an Istio AuthorizationPolicy to control traffic.",
                $"{where}: {kind}(Kubernetes RBAC/ID)는 거부됩니다. 샌드박스의 접근 제어는 고정되어 있습니다. 트래픽 제어에는 Istio AuthorizationPolicy 를 쓰세요.");
        }

        if (IsIn(Workloads, kind))
        {
            throw GuardException.Policy(
                "workload-refused",
                $"{where}: {kind} is a workload object, and the sample app's workloads are read-only. Change how the mesh treats them with Istio configuration (VirtualService, DestinationRule, ...).",
                $"{where}: {kind}는 워크로드 객체이며 예제 앱의 워크로드는 읽기 전용입니다. Istio 설정(VirtualService, DestinationRule 등)으로 메시 동작을 바꾸세요.");
        }
    }

    /// <summary>Also matches the plural a reader types ("/get secrets"), so a read is refused for the same reason as a write.</summary>
    private static bool IsIn(HashSet<string> family, string kind) =>
        family.Contains(kind) || (kind.Length > 1 && kind.EndsWith('s') && family.Contains(kind[..^1]));
}
