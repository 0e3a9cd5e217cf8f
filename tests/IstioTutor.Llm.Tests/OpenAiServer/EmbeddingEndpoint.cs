using System.Collections.Concurrent;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IstioTutor.Llm.Tests.OpenAiServer;

/// <summary>
/// <c>POST /v1/embeddings</c> of the loopback server. Vectors are deterministic: each word is hashed to
/// one of <see cref="Dimensions"/> buckets (bucket 0 kept free), so texts sharing words are close.
/// <see cref="Override"/> lets a test play a model that knows two texts mean the same with no word in
/// common; <see cref="FailWith"/> makes the endpoint fail. Base64 and float encodings are both spoken.
/// </summary>
public sealed class EmbeddingEndpoint
{
    public const int Dimensions = 64;

    private readonly ConcurrentQueue<IReadOnlyList<string>> _requests = new();

    /// <summary>Each request's inputs, in arrival order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Requests => _requests.ToArray();

    public int InputsEmbedded => Requests.Sum(r => r.Count);

    public Func<string, float[]?>? Override { get; set; }

    public HttpStatusCode? FailWith { get; set; }

    public void Reset()
    {
        _requests.Clear();
        Override = null;
        FailWith = null;
    }

    /// <summary>A vector pointing only along the bucket no hashed word uses: orthogonal to every default vector.</summary>
    public static float[] Concept()
    {
        var v = new float[Dimensions];
        v[0] = 1;
        return v;
    }

    public static float[] Hashed(string text)
    {
        var v = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (w.Length == 0)
            {
                continue;
            }

            // FNV-1a: stable across processes, unlike string.GetHashCode.
            var h = 2166136261u;
            foreach (var b in Encoding.UTF8.GetBytes(w))
            {
                h = (h ^ b) * 16777619u;
            }

            v[1 + (int)(h % (Dimensions - 1))] += 1;
        }

        return v;
    }

    internal async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var json = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        var inputs = json["input"] is JsonArray a ? a.Select(i => i!.GetValue<string>()).ToList() : [json["input"]!.GetValue<string>()];
        _requests.Enqueue(inputs);
        if (FailWith is { } status)
        {
            http.Response.StatusCode = (int)status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"error":{"message":"scripted embedding failure","type":"server_error","code":null}}""");
            return;
        }

        var base64 = json["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Override?.Invoke(inputs[i]) ?? Hashed(inputs[i]);
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = base64
                    ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan()))
                    : new JsonArray(vector.Select(f => (JsonNode)f).ToArray()),
            });
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = json["model"]?.GetValue<string>() ?? "embed-test-model",
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        }.ToJsonString());
    }
}
