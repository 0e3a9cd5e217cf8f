using System.Globalization;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Sandbox.Pods;

/// <summary>
/// Access log lines in Istio's default TEXT format (EnvoyTextLogFormat in pilot/pkg/model/telemetry_logging.go):
/// <c>[%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% %RESPONSE_FLAGS%
/// %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS% "%UPSTREAM_TRANSPORT_FAILURE_REASON%" %BYTES_RECEIVED%
/// %BYTES_SENT% %DURATION% %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%"
/// "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%" %UPSTREAM_CLUSTER_RAW% %UPSTREAM_LOCAL_ADDRESS%
/// %DOWNSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_REMOTE_ADDRESS% %REQUESTED_SERVER_NAME% %ROUTE_NAME%</c>,
/// written by the client's sidecar (outbound) and by the server's (inbound) for one simulated request.
/// </summary>
internal static class EnvoyAccessLog
{
    public static string Outbound(HttpExchange exchange, DateTimeOffset at, string clientIp, MeshAddresses addresses)
    {
        var (port, targetPort) = Ports(exchange, addresses);
        var upstream = exchange.Upstream is { } pod ? $"{addresses.Pod(pod)}:{targetPort}" : "-";
        var serviceIp = addresses.Service(exchange.Authority) ?? "-";
        var flags = Flags(exchange);
        return Line(at, exchange, flags, ClientDetails(exchange), exchange.UpstreamCluster ?? "-", upstream,
            exchange.Upstream is null ? "-" : $"{clientIp}:{Ephemeral(exchange, 1)}", $"{serviceIp}:{port}", $"{clientIp}:{Ephemeral(exchange, 2)}", "-", RouteName(exchange));
    }

    /// <summary>The server side's line, when the request reached a pod with a sidecar.</summary>
    public static string Inbound(HttpExchange exchange, DateTimeOffset at, string clientIp, MeshAddresses addresses)
    {
        var pod = exchange.Upstream!;
        var (port, targetPort) = Ports(exchange, addresses);
        var podIp = addresses.Pod(pod);
        var details = exchange.Status switch
        {
            403 when exchange.Body == "RBAC: access denied" => "rbac_access_denied_matched_policy[none]",
            401 => "jwt_authn_access_denied{Jwt_verification_fails}",
            _ => "via_upstream",
        };
        var subset = exchange.UpstreamCluster?.Split('|') is { Length: 4 } parts ? parts[2] : "";
        var sni = exchange.MutualTls ? $"outbound_.{port}_.{subset}_.{exchange.Authority}" : "-";
        return Line(at, exchange, "-", details, $"inbound|{targetPort}||", $"{podIp}:{targetPort}",
            $"127.0.0.6:{Ephemeral(exchange, 3)}", $"{podIp}:{targetPort}", $"{clientIp}:{Ephemeral(exchange, 1)}", sni, "default");
    }

    private static string Line(DateTimeOffset at, HttpExchange exchange, string flags, string details, string cluster, string upstreamHost, string upstreamLocal, string downstreamLocal, string downstreamRemote, string sni, string route)
    {
        var call = exchange.Call;
        var serviceTime = exchange.Headers.FirstOrDefault(h => h.Key == "x-envoy-upstream-service-time").Value ?? "-";
        var authority = call.Headers.FirstOrDefault(h => h.Key.Equals("host", StringComparison.OrdinalIgnoreCase)).Value
            ?? (call.Port is { } p ? $"{call.Host}:{p.ToString(CultureInfo.InvariantCulture)}" : call.Host);
        var agent = call.Headers.FirstOrDefault(h => h.Key.Equals("user-agent", StringComparison.OrdinalIgnoreCase)).Value ?? "-";
        var forwarded = call.Headers.FirstOrDefault(h => h.Key.Equals("x-forwarded-for", StringComparison.OrdinalIgnoreCase)).Value ?? "-";
        var received = System.Text.Encoding.UTF8.GetByteCount(call.Body ?? "");
        var sent = System.Text.Encoding.UTF8.GetByteCount(exchange.Body);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{at:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}] \"{call.Method} {call.Path} HTTP/1.1\" {exchange.Status} {flags} {details} - \"-\" {received} {sent} {(int)Math.Round(exchange.DurationMs)} {serviceTime} \"{forwarded}\" \"{agent}\" \"{exchange.RequestId}\" \"{authority}\" \"{upstreamHost}\" {cluster} {upstreamLocal} {downstreamLocal} {downstreamRemote} {sni} {route}");
    }

    private static string Flags(HttpExchange exchange)
    {
        var delayed = exchange.Trace.Any(step => step.StartsWith("fault: delayed", StringComparison.Ordinal));
        return (exchange.ResponseFlag, delayed) switch
        {
            (null or "URX", false) => "-",
            (null or "URX", true) => "DI",
            (var flag, true) => $"DI,{flag}",
            (var flag, false) => flag!,
        };
    }

    private static string ClientDetails(HttpExchange exchange) => exchange.ResponseFlag switch
    {
        "FI" => "fault_filter_abort",
        "UH" => "no_healthy_upstream",
        "UT" => "response_timeout",
        "UO" => "upstream_reset_before_response_started{overflow}",
        "UF" => "upstream_reset_before_response_started{connection_failure}",
        "NR" => "route_not_found",
        "NC" => "cluster_not_found",
        _ when exchange.Upstream is null && exchange.Status > 0 => "direct_response",
        _ => "via_upstream",
    };

    /// <summary>The route's name as Envoy logs it: "default" without a VirtualService, the http rule's name, or "-".</summary>
    private static string RouteName(HttpExchange exchange)
    {
        if (exchange.Route is null)
        {
            return "default";
        }

        var at = exchange.Route.IndexOf(" rule \"", StringComparison.Ordinal);
        return at < 0 ? "-" : exchange.Route[(at + 7)..].TrimEnd('"');
    }

    private static (string Port, string TargetPort) Ports(HttpExchange exchange, MeshAddresses addresses)
    {
        var port = exchange.UpstreamCluster?.Split('|') is { Length: 4 } parts && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var p) ? p : exchange.Call.Port ?? 80;
        return (port.ToString(CultureInfo.InvariantCulture), addresses.TargetPort(exchange.Authority, port).ToString(CultureInfo.InvariantCulture));
    }

    private static int Ephemeral(HttpExchange exchange, int salt) => 32768 + (int)((uint)HashCode.Combine(exchange.RequestId, exchange.UpstreamCluster, salt) % 28000);
}
