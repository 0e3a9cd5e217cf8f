using System.Security.Cryptography;
using System.Text;
using IstioTutor.Core.Progress.Storage;

namespace IstioTutor.Bot.WebChat;

/// <summary>Web chat sessions in the tutor's LiteDB file: secret (hashed) → the web door's user id. Committed before it returns.</summary>
internal sealed class WebSessionStore(TutorDatabase db, TimeProvider clock)
{
    /// <summary>The user id this secret was issued for, or null for a secret the host never issued.</summary>
    public string? Find(string secret) => Sessions(db.Database).FindById(HashOf(secret))?.ChannelUserId;

    /// <summary>A new session for a new web learner; the secret goes to the browser, only its hash is stored.</summary>
    public (string Secret, string ChannelUserId) Issue()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var userId = "web-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        db.Write(d => Sessions(d).Insert(new WebSessionDocument { Id = HashOf(secret), ChannelUserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime }));
        return (secret, userId);
    }

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static LiteDB.ILiteCollection<WebSessionDocument> Sessions(LiteDB.LiteDatabase d) => d.GetCollection<WebSessionDocument>(WebSessionDocument.Collection);
}
