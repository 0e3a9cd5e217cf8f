using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation;

/// <summary>ValidateServiceEntry (hosts, addresses, ports, resolution and endpoints).</summary>
internal sealed class ServiceEntryRules : IKindRules
{
    public string Kind => "ServiceEntry";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        CommonRules.WorkloadSelector(spec["workloadSelector"], "labels");
        if (spec.Has("workloadSelector") && spec.Has("endpoints"))
        {
            spec.Error("only one of WorkloadSelector or Endpoints is allowed in Service Entry");
        }

        var resolution = spec["resolution"].Enum("NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN", "DYNAMIC_DNS") ?? "NONE";
        spec["location"].Enum("MESH_EXTERNAL", "MESH_INTERNAL");
        var hosts = spec["hosts"].Strings().ToList();
        if (hosts.Count == 0)
        {
            spec["hosts"].Error("service entry must have at least one host");
        }

        foreach (var host in spec["hosts"].Items())
        {
            var value = host.String();
            if (value == "*")
            {
                host.Error($"invalid host {value}");
            }
            else if (value is not null && Dns.WildcardDomainError(value) is { } error)
            {
                host.Error(error);
            }
        }

        var addresses = spec["addresses"].Strings().ToList();
        foreach (var address in spec["addresses"].Items())
        {
            var value = address.String();
            if (value is not null && !IsIpOrCidr(value))
            {
                address.Error($"invalid IP address or CIDR range: {value}");
            }
        }

        if (addresses.Any(a => a.Contains('/')) && resolution is not "NONE" and not "STATIC")
        {
            spec["addresses"].Error("CIDR addresses are allowed only for NONE/STATIC resolution types");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<long>();
        var tcpLike = false;
        foreach (var port in spec["ports"].Items())
        {
            if (port.Node is null)
            {
                port.Error("service entry port may not be null");
                continue;
            }

            var name = port["name"].String() ?? "";
            var number = port["number"].UInt32() ?? 0;
            var protocol = port["protocol"].String() ?? "";
            if (!names.Add(name))
            {
                port["name"].Error($"service entry port name \"{name}\" already defined");
            }

            if (!numbers.Add(number))
            {
                port["number"].Error($"service entry port {number} already defined");
            }

            if (port.Has("targetPort"))
            {
                CommonRules.Port(port["targetPort"]);
            }

            if (addresses.Count == 0 && protocol is "" or "TCP")
            {
                port.Warn("addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled");
            }

            CommonRules.PortName(port["name"]);
            if (protocol.Length > 0 && !CommonRules.IsKnownProtocol(protocol))
            {
                port["protocol"].Error($"unsupported protocol: {protocol}");
            }

            CommonRules.Port(port["number"]);
            var upper = protocol.ToUpperInvariant();
            tcpLike |= upper is not ("HTTP" or "HTTPS" or "HTTP2" or "GRPC" or "GRPC-WEB" or "TLS");
        }

        var endpoints = spec["endpoints"];
        switch (resolution)
        {
            case "NONE" when endpoints.Count > 0:
                endpoints.Error("no endpoints should be provided for resolution type none");
                break;
            case "DNS" or "DNS_ROUND_ROBIN":
                if (endpoints.Count == 0 && hosts.FirstOrDefault(h => Dns.FqdnError(h) is not null) is { } bad)
                {
                    spec["hosts"].Error($"hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode {resolution}, {Dns.FqdnError(bad)}");
                }

                if (resolution == "DNS_ROUND_ROBIN" && endpoints.Count > 1)
                {
                    endpoints.Error($"there must only be 0 or 1 endpoint for resolution mode {resolution}");
                }

                break;
            case "DYNAMIC_DNS":
                if (hosts.Any(h => !HostName.IsWildcard(h)))
                {
                    spec["hosts"].Error($"host must be wildcarded for resolution mode {resolution}");
                }

                break;
        }

        foreach (var endpoint in endpoints.Items())
        {
            var address = endpoint["address"].String() ?? "";
            if (address.Length == 0)
            {
                endpoint["address"].Error("address is required");
            }
            else if (!address.StartsWith("unix://", StringComparison.Ordinal) && !System.Net.IPAddress.TryParse(address, out _) && (resolution == "STATIC" || Dns.FqdnError(address) is not null))
            {
                endpoint["address"].Error(resolution == "STATIC" ? $"endpoint address \"{address}\" is not a valid IP address" : $"endpoint address \"{address}\" is not a valid FQDN or an IP address");
            }

            foreach (var (portName, port) in endpoint["ports"].Entries())
            {
                if (!names.Contains(portName))
                {
                    port.Error($"endpoint port {port.Integer()} is not defined by the service entry");
                }

                CommonRules.Port(port);
            }

            CommonRules.Labels(endpoint["labels"]);
        }

        if (resolution != "NONE" && hosts.Count > 1 && tcpLike)
        {
            spec["hosts"].Error("multiple hosts provided with non-HTTP, non-TLS ports");
        }

        CommonRules.ExportTo(spec["exportTo"], identity.Namespace, isServiceEntry: true);
    }

    internal static bool IsIpOrCidr(string value)
    {
        var parts = value.Split('/');
        if (!System.Net.IPAddress.TryParse(parts[0], out var ip))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            return true;
        }

        var max = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return parts.Length == 2 && int.TryParse(parts[1], out var bits) && bits >= 0 && bits <= max;
    }
}
