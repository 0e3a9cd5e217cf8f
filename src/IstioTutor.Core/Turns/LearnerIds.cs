using System.Security.Cryptography;
using System.Text;

namespace IstioTutor.Core.Turns;

/// <summary>
/// Derives DNS-1123 safe learner ids from door user ids. Anything that had to be changed to fit
/// gets a hash suffix, so two different raw ids never collapse into one learner.
/// </summary>
public static class LearnerIds
{
    public const string NamespacePrefix = "learn-";
    private const int MaxIdLength = 63 - 6; // namespace names are DNS-1123 labels of at most 63 characters

    public static string NamespaceOf(string learnerId) => NamespacePrefix + learnerId;

    public static string FromChannelUser(Door door, string channelUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelUserId);
        var raw = door is Door.Terminal or Door.Web ? channelUserId : $"{door.ToString().ToLowerInvariant()}-{channelUserId}";
        var cleaned = Clean(raw);
        if (cleaned == raw && cleaned.Length <= MaxIdLength)
        {
            return cleaned;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..8];
        var stem = cleaned.Length == 0 ? "user" : cleaned;
        stem = stem[..Math.Min(stem.Length, MaxIdLength - 9)].Trim('-');
        return $"{stem}-{hash}";
    }

    public static bool IsValid(string id) =>
        id.Length is > 0 and <= MaxIdLength && Clean(id) == id;

    private static string Clean(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw.ToLowerInvariant())
        {
            sb.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }

        var s = sb.ToString();
        while (s.Contains("--", StringComparison.Ordinal))
        {
            s = s.Replace("--", "-", StringComparison.Ordinal);
        }

        return s.Trim('-');
    }
}
