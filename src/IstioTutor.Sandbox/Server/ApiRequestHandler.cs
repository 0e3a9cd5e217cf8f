using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Pods;
using IstioTutor.Sandbox.Printing;
using IstioTutor.Sandbox.Watching;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Sandbox.Server;

/// <summary>
/// Maps Kubernetes REST paths onto <see cref="ResourceApi"/>: discovery, OpenAPI, then
/// <c>/api/v1[/namespaces/NS]/PLURAL[/NAME]</c> and <c>/apis/G/V[/namespaces/NS]/PLURAL[/NAME]</c>.
/// Every failure leaves as a Kubernetes Status. A request without the server's bearer token is refused
/// (401) before its path or body is looked at.
/// </summary>
internal sealed partial class ApiRequestHandler(ResourceApi api, DiscoveryDocuments discovery, TablePrinter printer, SandboxWatchOptions watchOptions, PodSubresources pods, string storePath, string token, ILogger logger)
{
    /// <summary>Names the data file behind this server, so another process can tell it serves the same sandbox.</summary>
    public const string StoreHeader = "X-IstioTutor-Sandbox-Store";

    private readonly byte[] _expectedToken = Encoding.UTF8.GetBytes(token);

    public async Task HandleAsync(HttpContext context)
    {
        if (!Authenticated(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"istiotutor-sandbox\"";
            var refusal = new StatusError(401, "Unauthorized", "Unauthorized: the sandbox requires the bearer token of its kubeconfig (sandbox.kubeconfig in the data directory), which changes every time the sandbox starts");
            await WriteAsync(context, 401, refusal.ToStatus(), []);
            return;
        }

        try
        {
            var reply = await DispatchAsync(context);
            if (reply is not null)
            {
                await WriteAsync(context, reply.Code, reply.Body, reply.Warnings);
            }
        }
        catch (StatusError e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.Code, e.ToStatus(), []);
        }
        catch (JsonException e)
        {
            var status = StatusError.BadRequest($"the request body is not valid JSON: {e.Message}").ToStatus();
            await WriteAsync(context, 400, status, []);
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            logger.LogError(e, "Sandbox request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            var status = new StatusError(500, "InternalError", $"the sandbox failed on {context.Request.Method} {context.Request.Path}: {e.Message}").ToStatus();
            await WriteAsync(context, 500, status, []);
        }
    }

    /// <summary>Compares in constant time, so the time of a refusal says nothing about how much of a guess was right.</summary>
    private bool Authenticated(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _expectedToken);
    }

    private async Task<ApiReply?> DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = (request.Path.Value ?? "/").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return ApiReply.Ok(new JsonObject { ["paths"] = new JsonArray("/api", "/api/v1", "/apis", "/openapi/v3", "/version") });
        }

        switch (segments[0])
        {
            case "version":
                context.Response.Headers[StoreHeader] = storePath;
                return ApiReply.Ok(DiscoveryDocuments.Version());
            case "healthz" or "readyz" or "livez":
                return ApiReply.Ok(JsonValue.Create("ok"));
            case "openapi":
                return OpenApi(segments);
            case "api" when segments.Length == 1:
                return ApiReply.Ok(DiscoveryDocuments.ApiVersions(context.Request.Host.Value ?? "127.0.0.1"));
            case "api":
                return await ResourceAsync(context, "", segments[1], segments[2..]);
            case "apis" when segments.Length == 1:
                return ApiReply.Ok(discovery.GroupList());
            case "apis" when segments.Length == 2:
                return ApiReply.Ok(discovery.Group(segments[1]) ?? throw NotFoundPath(request));
            case "apis":
                return await ResourceAsync(context, segments[1], segments[2], segments[3..]);
            default:
                throw NotFoundPath(request);
        }
    }

    private ApiReply OpenApi(string[] segments)
    {
        if (segments.Length >= 2 && segments[1] == "v3")
        {
            if (segments.Length == 2)
            {
                return ApiReply.Ok(discovery.OpenApiRoot());
            }

            var doc = discovery.OpenApiGroupVersion(string.Join('/', segments[2..]));
            if (doc is not null)
            {
                return ApiReply.Ok(doc);
            }
        }

        // kubectl apply (client-side) asks for /openapi/v2 after v3 before patching an existing object;
        // it treats 404 as "no v2 document" and goes on with the merge patch, so v2 is not served.
        throw new StatusError(404, "NotFound", "the server could not find the requested resource");
    }

    private async Task<ApiReply?> ResourceAsync(HttpContext context, string group, string version, string[] rest)
    {
        var request = context.Request;
        if (rest.Length == 0)
        {
            return request.Method == HttpMethods.Get
                ? ApiReply.Ok(discovery.ResourceList(group, version) ?? throw NotFoundPath(request))
                : throw MethodNotAllowed(request);
        }

        string? ns = null;
        if (rest.Length >= 3 && rest[0] == "namespaces")
        {
            ns = rest[1];
            rest = rest[2..];
        }

        var resource = api.Served.Find(group, version, rest[0]) ?? throw NotFoundPath(request);
        if (rest.Length == 3 && ns is not null && group.Length == 0 && resource.Plural == "pods" && PodSubresources.Serves(rest[2]))
        {
            await pods.ServeAsync(context, ns, rest[1], rest[2]);
            return null;
        }

        var query = request.Query;
        var dryRun = DryRun(query["dryRun"]);
        if (rest.Length == 3 && rest[2] == "scale" && resource.Kind == ResourceKinds.Deployment && ns is not null)
        {
            return request.Method switch
            {
                "GET" => api.GetScale(resource, ns, rest[1]),
                "PATCH" => api.WriteScale(resource, ns, rest[1], PatchFormatOf(request.ContentType), RequestBody.ParseJson(request.ContentType, await RequestBody.ReadAsync(request)), dryRun),
                "PUT" => api.WriteScale(resource, ns, rest[1], null, ParseJson(request.ContentType, await RequestBody.ReadAsync(request)), dryRun),
                _ => throw MethodNotAllowed(request),
            };
        }

        // Configuration kinds (Istio's and the Gateway API's CRDs) serve the status subresource.
        var statusPath = rest.Length == 3 && rest[2] == "status" && resource.Access == ServedAccess.Writable;
        if ((rest.Length > 2 && !statusPath) || (resource.Kind.Namespaced && ns is null && rest.Length >= 2))
        {
            throw NotFoundPath(request);
        }

        if (rest.Length == 1)
        {
            if (request.Method == HttpMethods.Get)
            {
                if (IsTrue(query["watch"]))
                {
                    await ServeWatchAsync(context, resource, ns);
                    return null;
                }

                return AsTable(request, resource, api.List(resource, ns, query["labelSelector"], query["fieldSelector"]));
            }

            if (request.Method == HttpMethods.Post)
            {
                var body = await RequestBody.ReadAsync(request);
                var obj = IsProtobuf(request.ContentType) && resource.Access == ServedAccess.Namespaces
                    ? ProtobufNamespaceReader.Read(body)
                    : ParseJson(request.ContentType, body);
                return api.Create(resource, ns, obj, dryRun, Validation(query["fieldValidation"]));
            }

            throw MethodNotAllowed(request);
        }

        var name = rest[1];
        if (request.Method == HttpMethods.Get)
        {
            return AsTable(request, resource, api.Get(resource, ns, name));
        }

        if (statusPath)
        {
            return request.Method == HttpMethods.Put
                ? api.ReplaceStatus(resource, ns, name, ParseJson(request.ContentType, await RequestBody.ReadAsync(request)), dryRun)
                : request.Method == HttpMethods.Patch
                    ? api.PatchStatus(resource, ns, name, PatchFormatOf(request.ContentType), RequestBody.ParseJson(request.ContentType, await RequestBody.ReadAsync(request)), dryRun)
                    : throw MethodNotAllowed(request);
        }

        if (request.Method == HttpMethods.Put)
        {
            return api.Replace(resource, ns, name, ParseJson(request.ContentType, await RequestBody.ReadAsync(request)), dryRun, Validation(query["fieldValidation"]));
        }

        if (request.Method == HttpMethods.Patch)
        {
            var format = PatchFormatOf(request.ContentType);
            var body = await RequestBody.ReadAsync(request);
            return api.Patch(resource, ns, name, format, RequestBody.ParseJson(request.ContentType, body, format == PatchFormat.Apply), dryRun, Validation(query["fieldValidation"]));
        }

        if (request.Method == HttpMethods.Delete)
        {
            return api.Delete(resource, ns, name, dryRun);
        }

        throw MethodNotAllowed(request);
    }

    /// <summary>Server-side printing when the client asked for a Table (kubectl get does), else the reply as it is.</summary>
    private ApiReply AsTable(HttpRequest request, ServedResource resource, ApiReply reply)
    {
        var table = TableRequest.From(request.Headers.Accept.ToString(), request.Query["includeObject"]);
        return table is null ? reply : reply with { Body = printer.Table(resource, reply.Body, table.Include) };
    }

    private static PatchFormat PatchFormatOf(string? contentType) => MediaType(contentType) switch
    {
        "application/merge-patch+json" => PatchFormat.Merge,
        "application/json-patch+json" => PatchFormat.Json,
        "application/strategic-merge-patch+json" => PatchFormat.Strategic,
        "application/apply-patch+yaml" or "application/apply-patch+json" => PatchFormat.Apply,
        _ => throw StatusError.UnsupportedPatch(contentType ?? "no Content-Type"),
    };

    private static JsonNode? ParseJson(string? contentType, byte[] body)
    {
        var media = MediaType(contentType);
        if (media.Length > 0 && media != "application/json" && media != "*/*")
        {
            throw new StatusError(415, "UnsupportedMediaType", $"the body of the request was in an unknown format ({contentType}) - accepted media types include: application/json (the sandbox reads JSON only: kubectl create deployment/service/configmap send protobuf, so write a manifest and use kubectl apply -f)");
        }

        return RequestBody.ParseJson(contentType, body);
    }

    private static bool IsProtobuf(string? contentType) => MediaType(contentType) == "application/vnd.kubernetes.protobuf";

    private static string MediaType(string? contentType) =>
        (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    private static bool DryRun(string? value) => value switch
    {
        null or "" => false,
        "All" => true,
        _ => throw StatusError.BadRequest($"dryRun \"{value}\" is not supported: the only value is \"All\""),
    };

    /// <summary>The fieldValidation directive; absent means Warn, as on kube-apiserver.</summary>
    private static FieldValidation Validation(string? value) => value switch
    {
        null or "" or "Warn" => FieldValidation.Warn,
        "Strict" => FieldValidation.Strict,
        "Ignore" => FieldValidation.Ignore,
        _ => throw StatusError.BadRequest($"invalid fieldValidation directive: \"{value}\": the directives are Ignore, Warn and Strict"),
    };

    private static bool IsTrue(string? value) => value is "true" or "1";

    private static StatusError NotFoundPath(HttpRequest request) =>
        new(404, "NotFound", $"the server could not find the requested resource ({request.Method} {request.Path})");

    private static StatusError MethodNotAllowed(HttpRequest request) =>
        new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({request.Method} {request.Path})");

    private static async Task WriteAsync(HttpContext context, int code, JsonNode body, IReadOnlyList<string> warnings)
    {
        var response = context.Response;
        response.StatusCode = code;
        response.ContentType = "application/json";
        foreach (var warning in warnings)
        {
            response.Headers.Append("Warning", $"299 - \"{warning.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"");
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
