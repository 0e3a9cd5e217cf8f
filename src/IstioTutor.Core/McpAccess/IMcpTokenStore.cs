namespace IstioTutor.Core.McpAccess;

/// <summary>
/// Per-learner bearer tokens for the MCP endpoint (<c>/mcp</c> on <c>istiotutor serve</c>). Only a hash of a
/// token is stored, so the database never holds a usable credential; a token names exactly one learner.
/// </summary>
public interface IMcpTokenStore
{
    /// <summary>Issues a new token for the learner; the returned text is shown once and never stored.</summary>
    McpTokenIssued Issue(string learnerId);

    /// <summary>The learner a presented token belongs to, or null when it is unknown or revoked.</summary>
    string? Authenticate(string token);

    /// <summary>Revokes every token of the learner; returns how many there were.</summary>
    int RevokeAll(string learnerId);

    /// <summary>How many live tokens the learner has.</summary>
    int Count(string learnerId);
}
