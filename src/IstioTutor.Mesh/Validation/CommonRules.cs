using System.Text.RegularExpressions;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation;

/// <summary>Checks shared by several kinds (pkg/config/validation helpers), worded as Istio words them.</summary>
internal static class CommonRules
{
    private static readonly string[] StringMatchKinds = ["exact", "prefix", "regex"];

    public static void Port(Field field)
    {
        var port = field.UInt32();
        if (port is not null && port is < 1 or > 65535)
        {
            field.Error($"port number {port} must be in the range 1..65535");
        }
    }

    /// <summary>StringMatch: at most one of exact/prefix/regex (CRD oneOf), then validateStringMatch.</summary>
    public static void StringMatch(Field match, string where, bool allowEmptyPrefix = false)
    {
        if (!match.Exists || !match.CheckObject())
        {
            return;
        }

        var set = StringMatchKinds.Where(match.Has).ToList();
        if (set.Count > 1)
        {
            match.Error($"must validate one and only one schema (oneOf): set only one of exact, prefix or regex, found {string.Join(" and ", set)}");
            return;
        }

        match["exact"].String();
        var prefix = match["prefix"].String();
        if (prefix is { Length: 0 } && !allowEmptyPrefix)
        {
            match["prefix"].Error($"\"{where}\": prefix string match should not be empty");
        }

        Regex(match["regex"], where);
    }

    public static void Regex(Field field, string where)
    {
        var re = field.String();
        if (re is null)
        {
            return;
        }

        if (re.Length == 0)
        {
            field.Error($"\"{where}\": regex string match should not be empty");
            return;
        }

        if (re.Length > 1024)
        {
            field.Error($"\"{where}\": regex is too large, max length allowed is 1024");
            return;
        }

        try
        {
            _ = new Regex(re, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException e)
        {
            field.Error($"\"{where}\": error parsing regexp: {e.Message}; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)");
        }
    }

    public static void Labels(Field labels)
    {
        foreach (var (key, value) in labels.Entries())
        {
            var text = value.String();
            if (text is not null && Dns.LabelError(key, text) is { } error)
            {
                value.Error(error);
            }
        }
    }

    /// <summary>validateWorkloadSelector plus the CRD's CEL rules on matchLabels.</summary>
    public static void WorkloadSelector(Field selector, string labelsField = "matchLabels")
    {
        if (!selector.Exists || !selector.CheckObject())
        {
            return;
        }

        var labels = selector[labelsField];
        foreach (var (key, value) in labels.Entries())
        {
            var text = value.String() ?? "";
            if (key.Length == 0)
            {
                labels.Error($"empty key is not supported in selector: \"{key}={text}\"");
            }

            if (key.Contains('*') || text.Contains('*'))
            {
                value.Error($"wildcard is not supported in selector: \"{key}={text}\"");
            }
        }

        if (labels.Count == 0)
        {
            selector.Warn("workload selector specified without labels");
        }
    }

    /// <summary>validateOneOfSelectorType for policies that may use selector or targetRef(s).</summary>
    public static void OneOfSelectorOrTargetRefs(Field spec, string selectorField = "selector")
    {
        var set = (spec.Has(selectorField) ? 1 : 0) + (spec.Has("targetRef") ? 1 : 0) + (spec["targetRefs"].Count > 0 ? 1 : 0);
        if (set > 1)
        {
            spec.Error("only one of targetRefs or workloadSelector can be set");
        }
    }

    public static void Percent(Field field)
    {
        var value = field.Integer();
        if (value is < 0 or > 100)
        {
            field.Error($"percentage {value} is not in range 0..100");
        }
    }

    /// <summary>validatePercentage for the Percent message ({value: double}).</summary>
    public static void Percentage(Field percentage)
    {
        if (!percentage.Exists || !percentage.CheckObject())
        {
            return;
        }

        var value = percentage["value"].Number();
        if (value is < 0.0 or > 100.0 || value is > 0.0 and < 0.0001)
        {
            percentage["value"].Error($"percentage {value} is neither 0.0, nor in range [0.0001, 100.0]");
        }
    }

    public static void ExportTo(Field exportTo, string ns, bool isServiceEntry)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = exportTo.Items().Select(i => (i, v: i.String())).Where(x => x.v is not null).ToList();
        foreach (var (item, value) in values)
        {
            var key = value == "." ? ns : value!;
            if (!seen.Add(key))
            {
                item.Error(key != value ? $"duplicate entries in exportTo: . and current namespace {ns}" : $"duplicate entries in exportTo for entry {value}");
                continue;
            }

            if (value is "*" or "." || (isServiceEntry && value == "~"))
            {
                continue;
            }

            if (!Dns.IsLabel(value!))
            {
                item.Error($"only .,*, or a valid DNS 1123 label is allowed as exportTo entry");
            }
        }

        if (seen.Contains("*") && values.Count > 1)
        {
            exportTo.Error("cannot have both public (*) and non-public exportTo values for a resource");
        }

        if (seen.Contains("~") && values.Count > 1)
        {
            exportTo.Error("cannot export service entry to no one (~) and someone");
        }
    }

    public static void ValidDuration(Field field) => field.Duration();

    public static void GatewayNames(Field gateways)
    {
        foreach (var item in gateways.Items())
        {
            var name = item.String();
            if (name is null)
            {
                continue;
            }

            var parts = name.Split('/', 2);
            if (parts.Length != 2)
            {
                if (name.Contains('.'))
                {
                    var legacy = name.Split('.');
                    item.Warn($"using legacy gatewayName format \"{name}\"; prefer the <namespace>/<name> format: \"{legacy[1]}/{legacy[0]}\"");
                }

                if (Dns.FqdnError(name) is { } error)
                {
                    item.Error(error);
                }

                continue;
            }

            if (parts[0].Length == 0 || parts[1].Length == 0)
            {
                item.Error("config namespace and gateway name cannot be empty");
            }

            if (!Dns.IsLabel(parts[0]))
            {
                item.Error($"invalid value for namespace: \"{parts[0]}\"");
            }

            if (!Dns.IsLabel(parts[1]))
            {
                item.Error($"invalid value for gateway name: \"{parts[1]}\"");
            }
        }
    }

    /// <summary>validateDestination: host, subset name, port selector.</summary>
    public static void Destination(Field destination)
    {
        if (!destination.Exists || !destination.CheckObject())
        {
            return;
        }

        destination["host"].Required("destination.host is required");
        var host = destination["host"].String();
        if (host == "*")
        {
            destination["host"].Error($"invalid destination host {host}");
        }
        else if (host is not null && Dns.WildcardDomainError(host) is { } error)
        {
            destination["host"].Error(error);
        }

        var subset = destination["subset"].String();
        if (subset is not null)
        {
            SubsetName(destination["subset"], subset);
        }

        if (destination["port"].CheckObject() && destination["port"].Exists)
        {
            Port(destination["port"]["number"]);
        }
    }

    public static void SubsetName(Field field, string name)
    {
        if (name.Length == 0)
        {
            field.Error("subset name cannot be empty");
        }
        else if (!Dns.IsLabel(name))
        {
            field.Error($"subset name is invalid: {name}");
        }
    }

    public static void PortName(Field field)
    {
        var name = field.String();
        if (name is not null && !Dns.IsLabel(name))
        {
            field.Error($"invalid port name: {name}");
        }
    }

    public static readonly string[] Protocols = ["HTTP", "HTTPS", "GRPC", "GRPC-WEB", "HTTP2", "MONGO", "REDIS", "MYSQL", "TCP", "TLS", "UDP"];

    public static bool IsKnownProtocol(string protocol) =>
        Protocols.Contains(protocol, StringComparer.OrdinalIgnoreCase);
}
