using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using IstioTutor.Sandbox.Api;
using Microsoft.AspNetCore.Http;

namespace IstioTutor.Sandbox.Server;

/// <summary>
/// Reads a request body the way kube-apiserver accepts it: at most 3 MiB, UTF-8 (a byte order mark is
/// skipped), JSON whose strings are valid Unicode. Anything else is refused with a Status that names the
/// problem and where it is, before the API sees the body.
/// </summary>
internal static class RequestBody
{
    /// <summary>kube-apiserver's request body limit.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.Length > MaxBytes ? throw TooLarge() : buffer.ToArray();
    }

    /// <summary>Parses a JSON body; <paramref name="applyPatch"/> words the refusal of YAML for server-side apply.</summary>
    public static JsonNode? ParseJson(string? contentType, ReadOnlySpan<byte> body, bool applyPatch = false)
    {
        var charset = Charset(contentType);
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw new StatusError(415, "UnsupportedMediaType", $"the request body is in charset {charset}; the sandbox reads UTF-8 only, as kube-apiserver does: send it as charset=utf-8");
        }

        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        if (!Utf8.IsValid(body))
        {
            throw StatusError.BadRequest($"the request body is not valid UTF-8 (byte {InvalidUtf8At(body)} of {body.Length}); send it encoded as UTF-8");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException e) when (applyPatch)
        {
            throw StatusError.BadRequest($"the apply patch is not JSON ({e.Message}): the sandbox reads application/apply-patch+yaml bodies written as JSON, as kubectl sends them; convert the YAML to JSON or use kubectl apply");
        }

        string? invalid;
        try
        {
            invalid = FirstInvalidString(node, "");
        }
        catch (InvalidOperationException)
        {
            // A field name System.Text.Json cannot unescape.
            invalid = "a field name";
        }

        return invalid is null
            ? node
            : throw StatusError.BadRequest($"the request body is not valid Unicode at {(invalid.Length == 0 ? "the top level" : invalid)}: a \\u escape names half of a surrogate pair");
    }

    private static StatusError TooLarge() => new(413, "RequestEntityTooLarge", $"the request body is larger than {MaxBytes} bytes");

    private static string? Charset(string? contentType) =>
        (contentType ?? "").Split(';').Skip(1)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim().Trim('"'))
            .FirstOrDefault();

    private static int InvalidUtf8At(ReadOnlySpan<byte> body)
    {
        var at = 0;
        while (at < body.Length && System.Text.Rune.DecodeFromUtf8(body[at..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }

    /// <summary>JSON escapes can spell a lone surrogate, which no UTF-8 file or client can hold; finds the first, by path.</summary>
    private static string? FirstInvalidString(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var at = $"{path}.{key}";
                    if (!IsValid(key))
                    {
                        return path.Length == 0 ? "a field name" : $"a field name in {path}";
                    }

                    if (FirstInvalidString(value, at) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (FirstInvalidString(array[i], $"{path}[{i}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                try
                {
                    return IsValid(value.GetValue<string>()) ? null : path.TrimStart('.');
                }
                catch (InvalidOperationException)
                {
                    // System.Text.Json refuses to unescape a lone surrogate at all.
                    return path.TrimStart('.');
                }
            default:
                return null;
        }
    }

    private static bool IsValid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
