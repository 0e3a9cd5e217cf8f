using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation;

/// <summary>ValidateVirtualService (pkg/config/validation/validation.go, virtualservice.go) and the VirtualService CRD schema.</summary>
internal sealed class VirtualServiceRules : IKindRules
{
    private static readonly HashSet<string> RetryOn =
    [
        "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx", "refused-stream",
        "retriable-status-codes", "retriable-headers", "envoy-ratelimited", "http3-post-connect-failure",
        "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
    ];

    public string Kind => "VirtualService";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        var hosts = spec["hosts"].Items().Select(h => (field: h, value: h.String())).Where(h => h.value is not null).ToList();
        var gateways = spec["gateways"].Strings().ToList();
        if (hosts.Count == 0)
        {
            // A VirtualService without hosts is a delegate.
            if (gateways.Count != 0)
            {
                spec["gateways"].Error("delegate virtual service must have no gateways specified");
            }

            if (spec["tls"].Count != 0)
            {
                spec["tls"].Error("delegate virtual service must have no tls route specified");
            }

            if (spec["tcp"].Count != 0)
            {
                spec["tcp"].Error("delegate virtual service must have no tcp route specified");
            }
        }

        var appliesToMesh = gateways.Count == 0 || gateways.Contains("mesh");
        CommonRules.GatewayNames(spec["gateways"]);

        var allHostsValid = true;
        foreach (var (field, value) in hosts)
        {
            if (Dns.WildcardDomainError(value!) is { } error)
            {
                if (!System.Net.IPAddress.TryParse(value, out _))
                {
                    field.Error(error);
                    allHostsValid = false;
                }
            }
            else if (appliesToMesh && value == "*")
            {
                field.Error("wildcard host * is not allowed for virtual services bound to the mesh gateway");
                allHostsValid = false;
            }
        }

        if (allHostsValid)
        {
            for (var i = 0; i < hosts.Count; i++)
            {
                for (var j = i + 1; j < hosts.Count; j++)
                {
                    if (HostName.Matches(hosts[i].value!, hosts[j].value!))
                    {
                        hosts[j].field.Error($"duplicate hosts in virtual service: {hosts[i].value} & {hosts[j].value}");
                    }
                }
            }
        }

        if (spec["http"].Count == 0 && spec["tcp"].Count == 0 && spec["tls"].Count == 0)
        {
            spec.Error("http, tcp or tls must be provided in virtual service");
        }

        foreach (var http in spec["http"].Items())
        {
            if (http.Node is null)
            {
                http.Error("http route may not be null");
                continue;
            }

            if (http.CheckObject())
            {
                HttpRoute(http, delegateRoute: hosts.Count == 0, appliesToGateway: !appliesToMesh);
            }
        }

        foreach (var tls in spec["tls"].Items())
        {
            if (tls.CheckObject())
            {
                TlsRoute(tls, hosts.Select(h => h.value!).ToList());
            }
        }

        foreach (var tcp in spec["tcp"].Items())
        {
            if (tcp.CheckObject())
            {
                TcpRoute(tcp);
            }
        }

        CommonRules.ExportTo(spec["exportTo"], identity.Namespace, isServiceEntry: false);
        UnreachableRules(spec["http"]);
    }

    private static void HttpRoute(Field http, bool delegateRoute, bool appliesToGateway)
    {
        http["name"].String();
        var hasRoute = http["route"].Count > 0;
        var hasRedirect = http.Has("redirect");
        var hasDirect = http.Has("directResponse");
        var isRoot = !delegateRoute && http.Has("delegate");
        if (isRoot)
        {
            if (hasRedirect)
            {
                http["redirect"].Error($"root HTTP route {http["name"].String()} must not specify redirect");
            }

            if (http.Has("route"))
            {
                http["route"].Error($"root HTTP route {http["name"].String()} must not specify route");
            }
        }
        else
        {
            if (delegateRoute && http.Has("delegate"))
            {
                http["delegate"].Error("delegate HTTP route cannot contain delegate");
            }

            if (hasRedirect)
            {
                if (hasRoute)
                {
                    http.Error("HTTP route cannot contain both route and redirect");
                }

                if (http.Has("fault"))
                {
                    http.Error("HTTP route cannot contain both fault and redirect");
                }

                if (http.Has("rewrite"))
                {
                    http.Error("HTTP route rule cannot contain both rewrite and redirect");
                }

                if (hasDirect)
                {
                    http.Error("HTTP route rule cannot contain both direct_response and redirect");
                }
            }
            else if (hasDirect)
            {
                if (hasRoute)
                {
                    http.Error("HTTP route cannot contain both route and direct_response");
                }

                if (http.Has("fault"))
                {
                    http.Error("HTTP route cannot contain both fault and direct_response");
                }

                if (http.Has("rewrite"))
                {
                    http.Error("HTTP route rule cannot contain both rewrite and direct_response");
                }
            }
            else if (!hasRoute)
            {
                http.Error("HTTP route, redirect or direct_response is required");
            }
        }

        if (http.Has("mirror") && http["mirrors"].Count > 0)
        {
            http.Error("HTTP route cannot contain both mirror and mirrors");
        }

        foreach (var match in http["match"].Items())
        {
            if (match.CheckObject())
            {
                Match(match, appliesToGateway);
            }
        }

        Fault(http["fault"]);
        MirrorPercentage(http["mirrorPercentage"], "mirror_percentage");
        if (http.Has("mirror"))
        {
            http["mirror"]["host"].Required("mirror.host is required");
            CommonRules.Destination(http["mirror"]);
        }

        foreach (var mirror in http["mirrors"].Items())
        {
            if (!mirror.Has("destination"))
            {
                mirror["destination"].Error("destination is required for mirrors");
                continue;
            }

            CommonRules.Destination(mirror["destination"]);
            MirrorPercentage(mirror["percentage"], "mirror percentage");
        }

        Redirect(http["redirect"], http["match"]);
        DirectResponse(http["directResponse"]);
        Retries(http["retries"]);
        Rewrite(http["rewrite"]);
        RouteDestinations(http["route"]);
        if (http.Has("timeout"))
        {
            http["timeout"].Duration();
        }
    }

    private static void Match(Field match, bool appliesToGateway)
    {
        match["name"].String();
        foreach (var (name, header) in match["headers"].Entries())
        {
            if (header.Node is null)
            {
                header.Error($"header match {name} cannot be null");
                continue;
            }

            HeaderName(header, name, appliesToGateway);
            CommonRules.StringMatch(header, "headers");
        }

        foreach (var (name, header) in match["withoutHeaders"].Entries())
        {
            HeaderName(header, name, appliesToGateway);
            if (header["regex"].String() != "*")
            {
                CommonRules.StringMatch(header, "withoutHeaders");
            }
        }

        CommonRules.StringMatch(match["uri"], "uri", allowEmptyPrefix: true);
        CommonRules.StringMatch(match["scheme"], "scheme");
        CommonRules.StringMatch(match["method"], "method");
        CommonRules.StringMatch(match["authority"], "authority");
        foreach (var (_, qp) in match["queryParams"].Entries())
        {
            CommonRules.StringMatch(qp, "queryParams");
        }

        if (match.Has("port"))
        {
            var port = match["port"].UInt32();
            if (port is not null and not 0)
            {
                CommonRules.Port(match["port"]);
            }
        }

        CommonRules.Labels(match["sourceLabels"]);
        CommonRules.GatewayNames(match["gateways"]);
        var sourceNamespace = match["sourceNamespace"].String();
        if (sourceNamespace is { Length: > 0 } && !Dns.IsLabel(sourceNamespace))
        {
            match["sourceNamespace"].Error($"sourceNamespace match {sourceNamespace} is invalid");
        }

        match["ignoreUriCase"].Bool();
    }

    private static void HeaderName(Field header, string name, bool appliesToGateway)
    {
        if (name.StartsWith("@request.auth.claims", StringComparison.Ordinal))
        {
            if (!appliesToGateway)
            {
                header.Error($"JWT claim based routing (key: {name}) is only supported for gateway, found no gateways: []");
            }

            return;
        }

        if (name.Length == 0)
        {
            header.Error("header name cannot be empty");
        }
        else if (name is not (":method" or ":scheme" or ":authority" or ":path" or ":status") && !name.All(IsTokenChar))
        {
            header.Error($"header name {name} is not a valid header name");
        }
    }

    // RFC 7230 token characters: what validHeaderNameRegex accepts.
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static void Fault(Field fault)
    {
        if (!fault.Exists || !fault.CheckObject())
        {
            return;
        }

        if (!fault.Has("abort") && !fault.Has("delay"))
        {
            fault.Error("HTTP fault injection must have an abort and/or a delay");
        }

        var abort = fault["abort"];
        if (abort.Exists && abort.CheckObject())
        {
            CommonRules.Percentage(abort["percentage"]);
            var types = new[] { "httpStatus", "grpcStatus", "http2Error" }.Where(abort.Has).ToList();
            if (types.Count > 1)
            {
                abort.Error($"must validate one and only one schema (oneOf): set only one of httpStatus, grpcStatus or http2Error, found {string.Join(" and ", types)}");
            }
            else if (abort.Has("httpStatus"))
            {
                var status = abort["httpStatus"].Integer();
                if (status is < 200 or > 600)
                {
                    abort["httpStatus"].Error($"HTTP status {status} is not in range 200-599");
                }
            }
            else if (abort.Has("grpcStatus"))
            {
                var status = abort["grpcStatus"].String();
                if (status is not null && !GrpcStatuses.Contains(status))
                {
                    abort["grpcStatus"].Error($"gRPC status \"{status}\" is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example 'NOT_FOUND'");
                }
            }
            else if (abort.Has("http2Error"))
            {
                abort["http2Error"].Error("HTTP/2 abort fault injection not supported yet");
            }
            else
            {
                abort.Warn("abort configured, but error type not set");
            }
        }

        var delay = fault["delay"];
        if (delay.Exists && delay.CheckObject())
        {
            CommonRules.Percentage(delay["percentage"]);
            if (delay.Has("percent"))
            {
                CommonRules.Percent(delay["percent"]);
            }

            if (delay.Has("fixedDelay") && delay.Has("exponentialDelay"))
            {
                delay.Error("must validate one and only one schema (oneOf): set only one of fixedDelay or exponentialDelay");
            }
            else if (delay.Has("fixedDelay"))
            {
                delay["fixedDelay"].Duration();
            }
            else if (delay.Has("exponentialDelay"))
            {
                delay["exponentialDelay"].Duration();
                delay["exponentialDelay"].Error("exponentialDelay not supported yet");
            }
        }
    }

    private static readonly HashSet<string> GrpcStatuses =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE",
        "DATA_LOSS", "UNAUTHENTICATED",
    ];

    private static void MirrorPercentage(Field percentage, string what)
    {
        if (!percentage.Exists || !percentage.CheckObject())
        {
            return;
        }

        var value = percentage["value"].Number();
        if (value > 100)
        {
            percentage["value"].Error($"{what} must have a max value of 100 (it has {value:F6})");
        }
        else if (value < 0)
        {
            percentage["value"].Error($"{what} must have a min value of 0 (it has {value:F6})");
        }
    }

    private static void Redirect(Field redirect, Field matches)
    {
        if (!redirect.Exists || !redirect.CheckObject())
        {
            return;
        }

        var uri = redirect["uri"].String() ?? "";
        var prefixRewrite = redirect["prefixRewrite"].String() ?? "";
        var authority = redirect["authority"].String() ?? "";
        var scheme = redirect["scheme"].String() ?? "";
        if (uri.Length > 0 && prefixRewrite.Length > 0)
        {
            redirect.Error("redirect may only specify one of uri or prefix_rewrite");
            return;
        }

        if (prefixRewrite.Length > 0 && matches.Items().Any(m => m["uri"].Exists && !m["uri"].Has("prefix")))
        {
            redirect["prefixRewrite"].Error("redirect prefix_rewrite requires all URI matches to use prefix match type");
            return;
        }

        if (redirect.Has("port") && redirect.Has("derivePort"))
        {
            redirect.Error("must validate one and only one schema (oneOf): set only one of port or derivePort");
            return;
        }

        if (uri.Length == 0 && prefixRewrite.Length == 0 && authority.Length == 0 && !redirect.Has("port") && !redirect.Has("derivePort") && scheme.Length == 0)
        {
            redirect.Error("redirect must specify URI, authority, scheme, or port");
            return;
        }

        var code = redirect["redirectCode"].UInt32();
        if (code is not null and not 0 and (< 300 or > 399))
        {
            redirect["redirectCode"].Error($"{code} is not a valid redirect code, must be 3xx");
            return;
        }

        if (scheme.Length > 0 && scheme is not "http" and not "https")
        {
            redirect["scheme"].Error("invalid redirect scheme, must be \"http\" or \"https\"");
            return;
        }

        if (redirect.Has("port"))
        {
            CommonRules.Port(redirect["port"]);
        }

        redirect["derivePort"].Enum("FROM_PROTOCOL_DEFAULT", "FROM_REQUEST_PORT");
    }

    private static void DirectResponse(Field direct)
    {
        if (!direct.Exists || !direct.CheckObject())
        {
            return;
        }

        direct["status"].Required("status is required");
        var status = direct["status"].UInt32();
        if (status is not null and (< 200 or > 600))
        {
            direct["status"].Error($"HTTP status {status} is not in range 200-599");
        }

        var body = direct["body"]["string"].String();
        if (body is { Length: > 1024 * 1024 })
        {
            direct["body"].Error("large direct_responses may impact control plane performance, must be less than 1MB");
        }
    }

    private static void Retries(Field retries)
    {
        if (!retries.Exists || !retries.CheckObject())
        {
            return;
        }

        var attempts = retries["attempts"].Integer();
        if (attempts < 0)
        {
            retries["attempts"].Error("attempts cannot be negative");
        }

        if ((attempts ?? 0) == 0 && (retries.Has("perTryTimeout") || (retries["retryOn"].String() ?? "") != "" || retries.Has("retryRemoteLocalities")))
        {
            retries.Error("http retry policy configured when attempts are set to 0 (disabled)");
        }

        if (retries.Has("perTryTimeout"))
        {
            retries["perTryTimeout"].Duration();
        }

        if (retries.Has("backoff"))
        {
            retries["backoff"].Duration();
        }

        var retryOn = retries["retryOn"].String();
        if (!string.IsNullOrEmpty(retryOn))
        {
            foreach (var policy in retryOn.Split(','))
            {
                var isStatus = int.TryParse(policy, out var code) && code is >= 100 and <= 599;
                if (!isStatus && !RetryOn.Contains(policy))
                {
                    retries["retryOn"].Error($"\"{policy}\" is not a valid retryOn policy");
                }
            }
        }
    }

    private static void Rewrite(Field rewrite)
    {
        if (!rewrite.Exists || !rewrite.CheckObject())
        {
            return;
        }

        var uri = rewrite["uri"].String() ?? "";
        var hasRegex = rewrite.Has("uriRegexRewrite");
        if (uri.Length > 0 && hasRegex)
        {
            rewrite.Error("rewrite may only contain one of URI or UriRegexRewrite");
        }
        else if (uri.Length == 0 && !hasRegex && (rewrite["authority"].String() ?? "").Length == 0)
        {
            rewrite.Error("rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified");
        }
        else if (hasRegex)
        {
            var regex = rewrite["uriRegexRewrite"];
            if ((regex["match"].String() ?? "").Length == 0 || (regex["rewrite"].String() ?? "").Length == 0)
            {
                regex.Error("UriRegexRewrite has errors\nUriRegexRewrite requires both Rewrite and Match fields to be specified");
            }
            else
            {
                CommonRules.Regex(regex["match"], "HTTPRewrite.UriRegexRewrite.Match");
            }
        }
    }

    /// <summary>validateHTTPRouteDestinations / validateRouteDestinations.</summary>
    internal static void RouteDestinations(Field route)
    {
        long total = 0;
        foreach (var destination in route.Items())
        {
            if (destination.Node is null)
            {
                destination.Error("weight may not be nil");
                continue;
            }

            if (!destination.CheckObject())
            {
                continue;
            }

            if (!destination.Has("destination"))
            {
                destination["destination"].Error("Required value: destination is required");
            }
            else
            {
                CommonRules.Destination(destination["destination"]);
            }

            var weight = destination["weight"].Integer();
            if (weight < 0)
            {
                destination["weight"].Error($"weight {weight} < 0");
            }
            else if (weight > int.MaxValue)
            {
                destination["weight"].Error($"Invalid value: {weight}: weight must fit in int32");
            }

            total += weight ?? 0;
        }

        if (route.Count > 1 && total == 0)
        {
            route.Error("total destination weight = 0");
        }
    }

    private static void TlsRoute(Field tls, IReadOnlyList<string> hosts)
    {
        if (tls["match"].Count == 0)
        {
            tls["match"].Error("TLS route must have at least one match condition");
        }

        foreach (var match in tls["match"].Items())
        {
            if (!match.CheckObject())
            {
                continue;
            }

            if (match["sniHosts"].Count == 0)
            {
                match["sniHosts"].Error("TLS match must have at least one SNI host");
            }

            foreach (var sni in match["sniHosts"].Items())
            {
                var value = sni.String();
                if (value is null)
                {
                    continue;
                }

                if (Dns.WildcardDomainError(value) is { } error)
                {
                    sni.Error(error);
                }
                else if (!hosts.Any(h => HostName.SubsetOf(value, h)))
                {
                    sni.Error($"SNI host \"{value}\" is not a compatible subset of any of the virtual service hosts: [{string.Join(", ", hosts)}]");
                }
            }

            if (match.Has("port"))
            {
                CommonRules.Port(match["port"]);
            }

            CommonRules.Labels(match["sourceLabels"]);
            CommonRules.GatewayNames(match["gateways"]);
        }

        if (tls["route"].Count == 0)
        {
            tls["route"].Error("TLS route is required");
        }

        RouteDestinations(tls["route"]);
    }

    private static void TcpRoute(Field tcp)
    {
        foreach (var match in tcp["match"].Items())
        {
            if (match.Node is null)
            {
                match.Error("tcp match may not be nil");
                continue;
            }

            if (!match.CheckObject())
            {
                continue;
            }

            if (match.Has("port") && match["port"].UInt32() is not 0)
            {
                CommonRules.Port(match["port"]);
            }

            CommonRules.Labels(match["sourceLabels"]);
            CommonRules.GatewayNames(match["gateways"]);
        }

        if (tcp["route"].Count == 0)
        {
            tcp["route"].Error("TCP route is required");
        }

        RouteDestinations(tcp["route"]);
    }

    /// <summary>analyzeUnreachableHTTPRules: the webhook returns these as warnings (IST0130/IST0131 in analyze).</summary>
    private static void UnreachableRules(Field http)
    {
        foreach (var finding in UnreachableRuleFinder.Find(http.Node as JsonArray))
        {
            http.Warn(finding.WebhookMessage);
        }
    }
}
