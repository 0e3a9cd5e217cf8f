using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation;

/// <summary>ValidateSidecar: egress hosts ("namespace/host"), ingress ports, outbound traffic policy.</summary>
internal sealed class SidecarRules : IKindRules
{
    public string Kind => "Sidecar";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        CommonRules.WorkloadSelector(spec["workloadSelector"], "labels");
        if (spec["egress"].Count == 0 && spec["ingress"].Count == 0 && !spec.Has("outboundTrafficPolicy") && !spec.Has("inboundConnectionPool"))
        {
            spec.Warn("sidecar: missing egress");
        }

        foreach (var egress in spec["egress"].Items())
        {
            if (egress["hosts"].Count == 0)
            {
                egress["hosts"].Error("sidecar: egress listener must contain at least one host");
            }

            foreach (var host in egress["hosts"].Items())
            {
                var value = host.String();
                if (value is null)
                {
                    continue;
                }

                var parts = value.Split('/');
                if (parts.Length != 2)
                {
                    host.Error($"sidecar: host must be of form namespace/dnsName: \"{value}\"");
                    continue;
                }

                if (parts[0] is not ("." or "*" or "~") && !Dns.IsLabel(parts[0]))
                {
                    host.Error($"sidecar: invalid namespace \"{parts[0]}\" in host \"{value}\"");
                }

                if (parts[1] != "*" && Dns.WildcardDomainError(parts[1]) is { } error)
                {
                    host.Error(error);
                }
            }

            if (egress.Has("port"))
            {
                CommonRules.Port(egress["port"]["number"]);
            }

            egress["captureMode"].Enum("DEFAULT", "IPTABLES", "NONE");
        }

        foreach (var ingress in spec["ingress"].Items())
        {
            if (!ingress.Has("port"))
            {
                ingress["port"].Error("sidecar: port is required for ingress listeners");
            }
            else
            {
                CommonRules.Port(ingress["port"]["number"]);
            }

            ingress["captureMode"].Enum("DEFAULT", "IPTABLES", "NONE");
        }

        spec["outboundTrafficPolicy"]["mode"].Enum("REGISTRY_ONLY", "ALLOW_ANY");
    }
}
