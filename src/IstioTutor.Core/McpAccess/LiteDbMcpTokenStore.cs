using System.Security.Cryptography;
using System.Text;
using IstioTutor.Core.Progress.Storage;
using LiteDB;

namespace IstioTutor.Core.McpAccess;

/// <summary>
/// MCP tokens in the tutor's LiteDB file. A token is 256 random bits, so an unsalted SHA-256 is enough to
/// make a stolen database useless for signing in (there is nothing to guess offline).
/// </summary>
public sealed class LiteDbMcpTokenStore(TutorDatabase db, TimeProvider clock) : IMcpTokenStore
{
    /// <summary>Every token starts so; a secret scanner (or a person) can tell what leaked.</summary>
    public const string Prefix = "itmcp_";

    /// <summary>A learner cannot pile up tokens without bound; the oldest goes when a new one would pass this.</summary>
    public const int MaxTokensPerLearner = 10;

    public McpTokenIssued Issue(string learnerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(learnerId);
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.Write(d =>
        {
            var tokens = Tokens(d);
            var existing = tokens.Find(x => x.LearnerId == learnerId).OrderBy(x => x.CreatedAt).ToList();
            foreach (var old in existing.Take(Math.Max(0, existing.Count - MaxTokensPerLearner + 1)))
            {
                tokens.Delete(old.Id);
            }

            tokens.Insert(new McpTokenDocument { Id = Hash(token), LearnerId = learnerId, CreatedAt = now.UtcDateTime });
        });
        return new McpTokenIssued(token, learnerId, now);
    }

    public string? Authenticate(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 128)
        {
            return null;
        }

        return Tokens(db.Database).FindById(Hash(token.Trim()))?.LearnerId;
    }

    public int RevokeAll(string learnerId) => db.Write(d => Tokens(d).DeleteMany(x => x.LearnerId == learnerId));

    public int Count(string learnerId) => Tokens(db.Database).Count(x => x.LearnerId == learnerId);

    private static ILiteCollection<McpTokenDocument> Tokens(LiteDatabase d)
    {
        var tokens = d.GetCollection<McpTokenDocument>(McpTokenDocument.Collection);
        tokens.EnsureIndex(x => x.LearnerId);
        return tokens;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
