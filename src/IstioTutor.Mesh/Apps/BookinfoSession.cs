using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Apps;

/// <summary>
/// productpage's signed session cookie (Flask's shape: base64url payload, timestamp, signature), carrying
/// the signed-in user. The key is fixed: the sandbox's Bookinfo is a demo, as the real sample's is.
/// </summary>
internal static class BookinfoSession
{
    public const string CookieName = "session";

    private static readonly byte[] Key = Encoding.UTF8.GetBytes("bookinfo-sandbox-session");

    public static string Encode(string user, DateTimeOffset at)
    {
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonObject { ["user"] = user }.ToJsonString()));
        var stamp = Base64Url.EncodeToString(BitConverter.GetBytes((uint)at.ToUnixTimeSeconds()).Reverse().ToArray());
        return $"{payload}.{stamp}.{Sign(payload + "." + stamp)}";
    }

    /// <summary>The user of a well-signed session cookie in a Cookie header, or null.</summary>
    public static string? User(string? cookieHeader)
    {
        if (string.IsNullOrEmpty(cookieHeader))
        {
            return null;
        }

        foreach (var pair in cookieHeader.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || pair[..eq] != CookieName)
            {
                continue;
            }

            var parts = pair[(eq + 1)..].Split('.');
            if (parts.Length != 3 || Sign(parts[0] + "." + parts[1]) != parts[2])
            {
                return null;
            }

            try
            {
                return (string?)JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))?["user"];
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
            {
                return null;
            }
        }

        return null;
    }

    private static string Sign(string text) => Base64Url.EncodeToString(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(text)));
}
