using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation;

/// <summary>ValidateDestinationRule and the DestinationRule CRD schema.</summary>
internal sealed class DestinationRuleRules : IKindRules
{
    public string Kind => "DestinationRule";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        spec["host"].Required("host is required");
        var host = spec["host"].String();
        if (host is not null && Dns.WildcardDomainError(host) is { } error)
        {
            spec["host"].Error(error);
        }

        TrafficPolicyRules.Validate(spec["trafficPolicy"], identity.Namespace);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subset in spec["subsets"].Items())
        {
            if (subset.Node is null)
            {
                subset.Error("subset may not be null");
                continue;
            }

            if (!subset.CheckObject())
            {
                continue;
            }

            subset["name"].Required("name is required");
            var name = subset["name"].String();
            if (name is not null)
            {
                if (!names.Add(name))
                {
                    subset["name"].Error($"duplicate subset names: {name}");
                }

                CommonRules.SubsetName(subset["name"], name);
            }

            CommonRules.Labels(subset["labels"]);
            TrafficPolicyRules.Validate(subset["trafficPolicy"], identity.Namespace);
        }

        var hasSelector = spec.Has("workloadSelector");
        CommonRules.ExportTo(spec["exportTo"], identity.Namespace, isServiceEntry: false);
        if (hasSelector)
        {
            var exportTo = spec["exportTo"].Strings().Select(e => e == "." ? identity.Namespace : e).Distinct().ToList();
            if (exportTo.Count > 0 && !exportTo.Contains(identity.Namespace))
            {
                spec["exportTo"].Error("destination rule with workload selector cannot have exportTo beyond current namespace");
            }
            else if (exportTo.Count > 1)
            {
                spec["exportTo"].Error("destination rule with workload selector cannot have multiple entries in exportTo");
            }
        }

        CommonRules.WorkloadSelector(spec["workloadSelector"]);
    }
}
