using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation;

/// <summary>ValidateGateway, validateServer, validateServerPort and validateTLSOptions.</summary>
internal sealed class GatewayRules : IKindRules
{
    private static readonly string[] TlsProtocols = ["HTTPS", "TLS"];
    private static readonly string[] HttpProtocols = ["HTTP", "HTTP2", "GRPC", "GRPC-WEB"];

    public string Kind => "Gateway";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        if (identity.Name.Length > 0 && !Dns.IsLabel(identity.Name))
        {
            spec.Sink.Error("metadata.name", $"invalid gateway name: \"{identity.Name}\"");
        }

        if (spec["servers"].Count == 0)
        {
            spec["servers"].Error("gateway must have at least one server");
        }

        var portNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var server in spec["servers"].Items())
        {
            if (server.Node is null)
            {
                server.Error("server may not be nil");
                continue;
            }

            if (!server.CheckObject())
            {
                continue;
            }

            Server(server);
            var name = server["port"]["name"].String();
            if (server.Has("port") && name is not null && !portNames.Add(name))
            {
                server["port"]["name"].Error($"port names in servers must be unique: duplicate name {name}");
            }
        }

        CommonRules.Labels(spec["selector"]);
    }

    private static void Server(Field server)
    {
        if (server["hosts"].Count == 0)
        {
            server["hosts"].Error("server config must contain at least one host");
        }

        foreach (var host in server["hosts"].Items())
        {
            var value = host.String();
            if (value is not null && HostError(value) is { } error)
            {
                host.Error(error);
            }
        }

        var port = server["port"];
        var portValid = false;
        string? protocol = null;
        if (!port.Exists)
        {
            port.Error("port is required");
        }
        else if (port.CheckObject())
        {
            protocol = port["protocol"].String();
            portValid = true;
            if (protocol is null || !CommonRules.IsKnownProtocol(protocol))
            {
                port["protocol"].Error($"invalid protocol \"{protocol}\", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP");
                portValid = false;
            }

            var number = port["number"].UInt32();
            var bind = server["bind"].String() ?? "";
            if (number is null or 0 && bind.StartsWith("unix://", StringComparison.Ordinal))
            {
                // A unix domain socket listener has no port number.
            }
            else if (number is null or < 1 or > 65535)
            {
                port["number"].Error($"port number {number ?? 0} must be in the range 1..65535");
                portValid = false;
            }

            if (port["targetPort"].UInt32() > 0)
            {
                port["targetPort"].Error("targetPort has no impact on Gateways");
                portValid = false;
            }

            if ((port["name"].String() ?? "").Length == 0)
            {
                port["name"].Error($"port name must be set: number:{number ?? 0} protocol:\"{protocol}\"");
                portValid = false;
            }
        }

        var tls = server["tls"];
        TlsOptions(tls);
        if (portValid && protocol is not null)
        {
            var upper = protocol.ToUpperInvariant();
            var isTls = TlsProtocols.Contains(upper);
            if (isTls && !tls.Exists)
            {
                server["tls"].Error("server must have TLS settings for HTTPS/TLS protocols");
            }
            else if (!isTls && tls.Exists)
            {
                if (HttpProtocols.Contains(upper))
                {
                    var onlyRedirect = tls.Node is System.Text.Json.Nodes.JsonObject o && o.All(p => p.Key == "httpsRedirect");
                    if (!onlyRedirect)
                    {
                        server["tls"].Error("server cannot have TLS settings for plain text HTTP ports");
                    }
                }
                else
                {
                    server["tls"].Error("server cannot have TLS settings for non HTTPS/TLS ports");
                }
            }

            if (!HttpProtocols.Contains(upper) && tls["httpsRedirect"].Bool() == true)
            {
                tls["httpsRedirect"].Warn("tls.httpsRedirect should only be used with http servers");
            }
        }
    }

    /// <summary>ValidateNamespaceSlashWildcardHostname for gateway server hosts ("ns/host", "*/host", "host").</summary>
    private static string? HostError(string hostname)
    {
        var parts = hostname.Split('/');
        if (parts.Length > 2)
        {
            return $"host \"{hostname}\" has more than one '/' character";
        }

        string host;
        if (parts.Length == 2)
        {
            if (parts[0] != "." && parts[0] != "*" && !Dns.IsLabel(parts[0]))
            {
                return $"invalid namespace value \"{parts[0]}\" in host \"{hostname}\"";
            }

            host = parts[1];
        }
        else
        {
            host = parts[0];
        }

        return host == "*" ? null : Dns.WildcardDomainError(host);
    }

    private static void TlsOptions(Field tls)
    {
        if (!tls.Exists || !tls.CheckObject())
        {
            return;
        }

        var mode = tls["mode"].Enum("PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL") ?? "PASSTHROUGH";
        tls["minProtocolVersion"].Enum("TLS_AUTO", "TLSV1_0", "TLSV1_1", "TLSV1_2", "TLSV1_3");
        tls["maxProtocolVersion"].Enum("TLS_AUTO", "TLSV1_0", "TLSV1_1", "TLSV1_2", "TLSV1_3");
        var serverCertificate = tls["serverCertificate"].String() ?? "";
        var privateKey = tls["privateKey"].String() ?? "";
        var caCertificates = tls["caCertificates"].String() ?? "";
        var credentialName = tls["credentialName"].String() ?? "";
        var hasCredentialNames = tls["credentialNames"].Count > 0;
        var hasTlsCertificates = tls["tlsCertificates"].Count > 0;
        if (mode == "ISTIO_MUTUAL")
        {
            Forbid(tls, serverCertificate.Length > 0, "ISTIO_MUTUAL TLS cannot have associated server certificate");
            Forbid(tls, privateKey.Length > 0, "ISTIO_MUTUAL TLS cannot have associated private key");
            Forbid(tls, caCertificates.Length > 0, "ISTIO_MUTUAL TLS cannot have associated CA bundle");
            Forbid(tls, hasTlsCertificates, "ISTIO_MUTUAL TLS cannot have associated tlsCertificates");
            Forbid(tls, credentialName.Length > 0, "ISTIO_MUTUAL TLS cannot have associated credentialName");
            Forbid(tls, hasCredentialNames, "ISTIO_MUTUAL TLS cannot have associated credentialNames");
            return;
        }

        if (mode is "PASSTHROUGH" or "AUTO_PASSTHROUGH" && (serverCertificate.Length > 0 || privateKey.Length > 0 || caCertificates.Length > 0 || credentialName.Length > 0 || hasCredentialNames || hasTlsCertificates))
        {
            tls.Warn($"{mode} mode does not use certificates, they will be ignored");
        }

        var sources = (serverCertificate.Length > 0 && privateKey.Length > 0 ? 1 : 0) + (credentialName.Length > 0 ? 1 : 0) + (hasCredentialNames ? 1 : 0) + (hasTlsCertificates ? 1 : 0);
        if (sources > 1)
        {
            tls.Error("only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified");
        }

        if (mode is "SIMPLE" or "MUTUAL" or "OPTIONAL_MUTUAL")
        {
            if (credentialName.Length > 0 || hasCredentialNames)
            {
                return;
            }

            var prefix = mode == "SIMPLE" ? "SIMPLE TLS" : "MUTUAL TLS";
            if (mode != "SIMPLE" && caCertificates.Length == 0)
            {
                tls["caCertificates"].Error($"{prefix} requires a client CA bundle");
            }

            if (!hasTlsCertificates)
            {
                if (serverCertificate.Length == 0)
                {
                    tls["serverCertificate"].Error($"{prefix} requires a server certificate");
                }

                if (privateKey.Length == 0)
                {
                    tls["privateKey"].Error($"{prefix} requires a private key");
                }
            }
        }
    }

    private static void Forbid(Field tls, bool condition, string message)
    {
        if (condition)
        {
            tls.Error(message);
        }
    }
}
