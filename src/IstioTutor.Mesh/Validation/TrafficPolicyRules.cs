using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation;

/// <summary>validateTrafficPolicy and its parts (connection pool, outlier detection, load balancer, client TLS).</summary>
internal static class TrafficPolicyRules
{
    private static readonly string[] PolicyFields = ["outlierDetection", "connectionPool", "loadBalancer", "tls", "portLevelSettings", "tunnel", "proxyProtocol", "retryBudget"];

    public static void Validate(Field policy, string ns)
    {
        if (!policy.Exists || !policy.CheckObject())
        {
            return;
        }

        if (!PolicyFields.Any(policy.Has))
        {
            policy.Error("traffic policy must have at least one field");
            return;
        }

        if (policy.Has("tunnel") && policy.Has("proxyProtocol"))
        {
            policy.Error("tunnel and proxyProtocol must not be set together");
            return;
        }

        OutlierDetection(policy["outlierDetection"]);
        ConnectionPool(policy["connectionPool"]);
        LoadBalancer(policy["loadBalancer"]);
        Tls(policy["tls"], ns);
        foreach (var portPolicy in policy["portLevelSettings"].Items())
        {
            if (!portPolicy.CheckObject())
            {
                continue;
            }

            if (!portPolicy.Has("port"))
            {
                portPolicy["port"].Error("portTrafficPolicy must have valid port");
            }
            else
            {
                CommonRules.Port(portPolicy["port"]["number"]);
            }

            if (!new[] { "outlierDetection", "connectionPool", "loadBalancer", "tls" }.Any(portPolicy.Has))
            {
                portPolicy.Error("port traffic policy must have at least one field");
                continue;
            }

            OutlierDetection(portPolicy["outlierDetection"]);
            ConnectionPool(portPolicy["connectionPool"]);
            LoadBalancer(portPolicy["loadBalancer"]);
            Tls(portPolicy["tls"], ns);
        }

        var proxyProtocol = policy["proxyProtocol"];
        if (proxyProtocol.Exists)
        {
            var version = proxyProtocol["version"].String();
            if (version is not null and not "V1" and not "V2")
            {
                proxyProtocol["version"].Error($"Unsupported value: \"{version}\": supported values: \"V1\", \"V2\"");
            }
        }
    }

    private static void OutlierDetection(Field outlier)
    {
        if (!outlier.Exists || !outlier.CheckObject())
        {
            return;
        }

        if (outlier.Has("baseEjectionTime"))
        {
            outlier["baseEjectionTime"].Duration();
        }

        if (outlier.Has("interval"))
        {
            outlier["interval"].Duration();
        }

        if (outlier["consecutiveErrors"].Integer() is not null and not 0)
        {
            outlier["consecutiveErrors"].Warn("outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead");
        }

        outlier["consecutive5xxErrors"].UInt32();
        outlier["consecutiveGatewayErrors"].UInt32();
        var localOrigin = outlier["consecutiveLocalOriginFailures"].UInt32();
        if (outlier["splitExternalLocalOriginErrors"].Bool() != true && localOrigin > 0)
        {
            outlier["consecutiveLocalOriginFailures"].Error("outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false");
        }

        CommonRules.Percent(outlier["maxEjectionPercent"]);
        CommonRules.Percent(outlier["minHealthPercent"]);
        foreach (var code in outlier["outlierDetectionHttpErrorCodes"].Items())
        {
            var value = code.Integer();
            if (value is < 100 or > 599)
            {
                code.Error($"Invalid value: {value}: must be in range 100-599");
            }
        }
    }

    private static void ConnectionPool(Field pool)
    {
        if (!pool.Exists || !pool.CheckObject())
        {
            return;
        }

        if (!pool.Has("http") && !pool.Has("tcp"))
        {
            pool.Error("connection pool must have at least one field");
            return;
        }

        var http = pool["http"];
        if (http.Exists && http.CheckObject())
        {
            NonNegative(http["http1MaxPendingRequests"], "http1 max pending requests must be non-negative");
            NonNegative(http["http2MaxRequests"], "http2 max requests must be non-negative");
            NonNegative(http["maxRequestsPerConnection"], "max requests per connection must be non-negative");
            NonNegative(http["maxRetries"], "max retries must be non-negative");
            NonNegative(http["maxConcurrentStreams"], "max concurrent streams must be non-negative");
            if (http.Has("idleTimeout"))
            {
                http["idleTimeout"].Duration();
            }

            if (http["h2UpgradePolicy"].Enum("DEFAULT", "DO_NOT_UPGRADE", "UPGRADE") == "UPGRADE" && http["useClientProtocol"].Bool() == true)
            {
                http.Error("use client protocol must not be true when H2UpgradePolicy is UPGRADE");
            }

            var keepalive = http["http2KeepAlive"];
            if (keepalive.Exists)
            {
                foreach (var name in new[] { "interval", "timeout" })
                {
                    if (!keepalive.Has(name))
                    {
                        keepalive[name].Error($"http2 keepalive {name} is required");
                    }
                    else
                    {
                        keepalive[name].Duration();
                    }
                }
            }
        }

        var tcp = pool["tcp"];
        if (tcp.Exists && tcp.CheckObject())
        {
            NonNegative(tcp["maxConnections"], "max connections must be non-negative");
            foreach (var name in new[] { "connectTimeout", "maxConnectionDuration" })
            {
                if (tcp.Has(name))
                {
                    tcp[name].Duration();
                }
            }

            var idle = tcp["idleTimeout"].String();
            if (idle is not null && !(GoDuration.TryParse(idle, out var d) && d == TimeSpan.Zero))
            {
                tcp["idleTimeout"].Duration();
            }

            foreach (var name in new[] { "time", "interval" })
            {
                if (tcp["tcpKeepalive"].Has(name))
                {
                    tcp["tcpKeepalive"][name].Duration();
                }
            }

            tcp["tcpKeepalive"]["probes"].UInt32();
        }
    }

    private static void NonNegative(Field field, string message)
    {
        if (field.Integer() < 0)
        {
            field.Error(message);
        }
    }

    private static void LoadBalancer(Field lb)
    {
        if (!lb.Exists || !lb.CheckObject())
        {
            return;
        }

        var kinds = new[] { "simple", "consistentHash", "backendUtilization" }.Where(lb.Has).ToList();
        if (kinds.Count > 1)
        {
            lb.Error($"must validate one and only one schema (oneOf): set only one of simple, consistentHash or backendUtilization, found {string.Join(" and ", kinds)}");
            return;
        }

        lb["simple"].Enum("UNSPECIFIED", "LEAST_CONN", "RANDOM", "PASSTHROUGH", "ROUND_ROBIN", "LEAST_REQUEST");
        var hash = lb["consistentHash"];
        if (hash.Exists && hash.CheckObject())
        {
            var cookie = hash["httpCookie"];
            if (cookie.Exists && (cookie["name"].String() ?? "").Length == 0)
            {
                cookie["name"].Error("name required for HttpCookie");
            }

            if (hash["minimumRingSize"].Integer() is not null and not 0)
            {
                hash["minimumRingSize"].Warn("consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
            }

            var maglev = hash["maglev"];
            if (maglev.Exists)
            {
                var size = maglev["tableSize"].UInt32() ?? 0;
                if (size == 0)
                {
                    maglev["tableSize"].Error("tableSize must be set for maglev");
                }
                else if (size >= 5000011)
                {
                    maglev["tableSize"].Error("tableSize must be less than 5000011 for maglev");
                }
                else if (!IsPrime(size))
                {
                    maglev["tableSize"].Error("tableSize must be a prime number for maglev");
                }
            }
        }

        if (lb.Has("localityLbSetting") && lb.Has("zoneAwareLbSetting"))
        {
            lb.Error("only one of localityLbSetting and zoneAwareLbSetting can be set");
        }

        var warmup = lb["warmup"];
        if (warmup.Exists)
        {
            if (!warmup.Has("duration"))
            {
                warmup["duration"].Error("duration is required");
            }
            else
            {
                warmup["duration"].Duration();
            }

            if (warmup["minimumPercent"].Number() > 100)
            {
                warmup["minimumPercent"].Error("minimumPercent value should be less than or equal to 100");
            }

            if (warmup["aggression"].Number() is <= 0)
            {
                warmup["aggression"].Error("aggression should be greater than 0");
            }
        }
    }

    private static bool IsPrime(long x)
    {
        if (x is > 0 and < 4)
        {
            return true;
        }

        if ((x & 1) == 0)
        {
            return false;
        }

        for (long f = 3; f * f <= x; f += 2)
        {
            if (x % f == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>ValidateTLS (client side, DestinationRule).</summary>
    public static void Tls(Field tls, string ns)
    {
        if (!tls.Exists || !tls.CheckObject())
        {
            return;
        }

        var mode = tls["mode"].Enum("DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL");
        var credentialName = tls["credentialName"].String() ?? "";
        var caCertificates = tls["caCertificates"].String() ?? "";
        var clientCertificate = tls["clientCertificate"].String() ?? "";
        var privateKey = tls["privateKey"].String() ?? "";
        var caCrl = tls["caCrl"].String() ?? "";
        if (credentialName.StartsWith("configmap://", StringComparison.Ordinal))
        {
            var parts = credentialName["configmap://".Length..].Split('/');
            if (parts.Length == 2 && parts[0] != ns)
            {
                tls["credentialName"].Error($"invalid configmap:// credentialName: namespace must match the configuration namespace \"{ns}\"");
            }
        }

        if (tls["insecureSkipVerify"].Bool() == true)
        {
            if (mode == "SIMPLE" && (caCertificates.Length > 0 || credentialName.Length > 0 || tls.Has("subjectAltNames")))
            {
                tls.Error("cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true");
            }

            if (mode == "MUTUAL" && (caCertificates.Length > 0 || tls.Has("subjectAltNames")))
            {
                tls.Error("cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true");
            }
        }

        if (mode is "SIMPLE" or "MUTUAL" && credentialName.Length > 0)
        {
            if (clientCertificate.Length > 0 || caCertificates.Length > 0 || privateKey.Length > 0 || caCrl.Length > 0)
            {
                tls.Error("cannot specify client certificates or CA certificate or CA CRL If credentialName is set");
            }

            return;
        }

        if (mode == "MUTUAL")
        {
            if (clientCertificate.Length == 0)
            {
                tls["clientCertificate"].Error("client certificate required for mutual tls");
            }

            if (privateKey.Length == 0)
            {
                tls["privateKey"].Error("private key required for mutual tls");
            }
        }
    }
}
