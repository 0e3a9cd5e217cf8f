using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation;

/// <summary>ValidateWorkloadEntry: address (IP, FQDN or unix socket), named ports, labels.</summary>
internal sealed class WorkloadEntryRules : IKindRules
{
    public string Kind => "WorkloadEntry";

    public void Validate(Field spec, ResourceIdentity identity) => Entry(spec);

    internal static void Entry(Field entry)
    {
        var address = entry["address"].String() ?? "";
        if (address.Length == 0)
        {
            if ((entry["network"].String() ?? "").Length == 0)
            {
                entry["address"].Error("address is required");
                return;
            }

            entry["address"].Warn($"address is unset with network \"{entry["network"].String()}\"");
        }

        if (address.StartsWith("unix://", StringComparison.Ordinal))
        {
            if (entry["ports"].Count > 0)
            {
                entry["ports"].Error($"unix endpoint {address} must not include ports");
            }
        }
        else if (address.Length > 0 && !System.Net.IPAddress.TryParse(address, out _) && Dns.FqdnError(address) is not null)
        {
            entry["address"].Error($"endpoint address \"{address}\" is not a valid FQDN or an IP address");
        }

        foreach (var (name, port) in entry["ports"].Entries())
        {
            if (!Dns.IsLabel(name))
            {
                port.Error($"invalid port name: {name}");
            }

            CommonRules.Port(port);
        }

        CommonRules.Labels(entry["labels"]);
        entry["weight"].UInt32();
    }
}
