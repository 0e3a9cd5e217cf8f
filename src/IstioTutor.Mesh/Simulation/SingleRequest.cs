using System.Globalization;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// One request end to end, with the app's body: the same route, pool, security and flow as a statistical
/// run (so chat, labs and a shell's curl see one truth), plus the response a client reads — the app's
/// reply or Envoy's own local reply — and the headers Envoy adds on the way back.
/// </summary>
internal static class SingleRequest
{
    public static HttpExchange Send(MeshModel model, HttpCall call, IWorkloadApps? apps, int depth = 0)
    {
        var request = new SimulationRequest(call.Host)
        {
            Source = call.Source,
            Port = call.Port,
            Method = call.Method,
            Path = call.Path,
            Headers = call.Headers,
            Jwt = call.Jwt,
            Requests = 1,
            Seed = call.Seed,
            TraceLimit = 1,
            Behaviours = call.Behaviours,
        };
        var notes = new List<string>();
        var random = new Random(call.Seed);
        var headers = request.LowerCaseHeaders();
        var source = TrafficSource.Resolve(model, request);
        ResolvedRoute resolved;
        try
        {
            resolved = new RouteResolver(model, request, notes).Resolve(source);
        }
        catch (UnknownHostException e)
        {
            return new HttpExchange(call, ExchangeOutcome.UnknownHost, 0, null, [], "", 0) { Notes = [e.Message] };
        }

        // A sidecar keeps the x-request-id an app forwards (its own outbound traffic is internal), so one id follows the whole call chain.
        var requestId = headers.TryGetValue("x-request-id", out var forwarded) && forwarded.Length > 0 ? forwarded : RequestId(random);
        var appCalls = apps is null ? null : new AppCalls(apps, model, call, source, requestId, depth);
        var pool = new EndpointPool(model, random, headers, request.Source, notes);
        var flow = new RequestFlow(request, source, resolved.Plan, pool, new SecurityCheck(model, request, headers), random, appCalls);
        var steps = new List<string>();
        var result = flow.Send(0, 0, steps);
        var outcome = result switch
        {
            { Status: 0 } => ExchangeOutcome.ConnectionReset,
            { Flag: "UH", Cluster.Endpoints.Count: 0 } when !source.HasSidecar => ExchangeOutcome.ConnectionRefused,
            _ => ExchangeOutcome.Answered,
        };
        var (responseHeaders, body) = Response(result, resolved, source);
        return new HttpExchange(call, outcome, outcome == ExchangeOutcome.Answered ? result.Status : 0, result.Flag, responseHeaders, body, Math.Round(result.LatencyMs, 2))
        {
            Upstream = result.Reached?.Pod,
            UpstreamCluster = result.Cluster?.Name,
            Authority = resolved.Fqdn,
            Route = resolved.ConfigReference is null ? null : $"{resolved.ConfigReference}{(resolved.Plan.RuleName is null ? "" : $" rule {resolved.Plan.RuleName}")}",
            MutualTls = result.MutualTls,
            UpstreamRequestHeaders = appCalls?.LastHeaders ?? new Dictionary<string, string>(),
            RequestId = requestId,
            Attempts = result.Attempts,
            Trace = steps,
            Notes = notes,
        };
    }

    /// <summary>What the client reads: the app's reply, or the proxy's local reply; Envoy's response headers when a proxy was on the path.</summary>
    private static (List<KeyValuePair<string, string>> Headers, string Body) Response(RequestResult result, ResolvedRoute resolved, TrafficSource source)
    {
        var headers = new List<KeyValuePair<string, string>>();
        string body;
        if (result.Reply is { } reply)
        {
            headers.AddRange(reply.Headers);
            body = reply.Body;
        }
        else if (result.Direct is { } direct)
        {
            body = direct.Body ?? "";
            if (direct.Location is not null)
            {
                headers.Add(KeyValuePair.Create("location", direct.Location));
            }
        }
        else
        {
            body = result.Status == 0 ? "" : EnvoyLocalReply.Body(result.Status, result.Flag);
            if (body.Length > 0)
            {
                headers.Add(KeyValuePair.Create("content-type", "text/plain"));
            }
        }

        // A waypoint is Envoy deployed as a gateway: it answers for the ambient client like a gateway does.
        var waypoint = resolved.Plan.Waypoint is not null;
        var proxied = source.HasSidecar || source.IsIngress || waypoint || result.Reached?.Pod.HasSidecar == true;
        if (proxied && result.Status != 0)
        {
            if (result.Reached is not null && result.Reply is not null)
            {
                headers.Add(KeyValuePair.Create("x-envoy-upstream-service-time", Math.Max(1, (int)result.LatencyMs).ToString(CultureInfo.InvariantCulture)));
            }

            headers.RemoveAll(h => h.Key.Equals("server", StringComparison.OrdinalIgnoreCase));
            headers.Add(KeyValuePair.Create("server", source.IsIngress || waypoint ? "istio-envoy" : "envoy"));
        }

        var edited = resolved.Plan.ResponseHeaders.ApplyTo(headers.GroupBy(h => h.Key.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last().Value));
        return (edited.ToList(), body);
    }

    private static string RequestId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
