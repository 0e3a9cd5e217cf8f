namespace IstioTutor.Mesh.Validation;

/// <summary>ValidateWorkloadGroup: template required, metadata labels, readiness probe.</summary>
internal sealed class WorkloadGroupRules : IKindRules
{
    public string Kind => "WorkloadGroup";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        if (!spec.Has("template"))
        {
            spec["template"].Error("template is required");
            return;
        }

        CommonRules.Labels(spec["metadata"]["labels"]);
        var probe = spec["probe"];
        if (!probe.Exists)
        {
            return;
        }

        var kinds = new[] { "httpGet", "tcpSocket", "exec", "grpc" }.Where(probe.Has).ToList();
        if (kinds.Count != 1)
        {
            probe.Error("must have exactly one of httpGet, tcpSocket, exec or grpc");
        }

        if (probe.Has("httpGet"))
        {
            CommonRules.Port(probe["httpGet"]["port"]);
        }

        if (probe.Has("tcpSocket"))
        {
            CommonRules.Port(probe["tcpSocket"]["port"]);
        }

        if (probe.Has("exec") && probe["exec"]["command"].Count == 0)
        {
            probe["exec"]["command"].Error("exec.command is required");
        }
    }
}
