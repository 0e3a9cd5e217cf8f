using IstioTutor.Mesh.Cluster;

namespace IstioTutor.Core.Guard;

/// <summary>The words for the API server refusing a dry run or a write, in both languages.</summary>
internal static class ClusterRefusal
{
    public static GuardRefusal From(string where, MeshApiException e)
    {
        var causes = e.Causes.Count == 0 ? "" : " (" + string.Join("; ", e.Causes.Select(c => $"{c.Field}: {c.Message}")) + ")";
        // Forbidden/Unauthorized from the API server is a rule; anything else (Invalid, Conflict, …) is the input.
        var kind = e.Code is 401 or 403 ? RefusalKind.Policy : RefusalKind.Input;
        return new GuardRefusal(
            "api-" + e.Reason.ToLowerInvariant(),
            $"{where}: the cluster refused it ({e.Code} {e.Reason}): {e.Message}{causes}. Nothing was changed.",
            $"{where}: 클러스터가 거부했습니다({e.Code} {e.Reason}): {e.Message}{causes}. 아무것도 바꾸지 않았습니다.",
            kind);
    }
}
