using System.Security.Claims;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using ModelContextProtocol;

namespace IstioTutor.Bot.Mcp;

/// <summary>
/// Who an MCP call acts for, as the transport established it — never as an argument says. Over HTTP that is the
/// learner whose bearer token <see cref="McpTokenAuthentication"/> accepted; over stdio it is the terminal learner
/// the <c>istiotutor mcp</c> process was started as. An HTTP call without a token never reaches a tool (401).
/// </summary>
public sealed class McpLearnerIdentity(ILearnerStore learners, McpStdioLearner? stdio = null)
{
    public string LearnerOf(ClaimsPrincipal? user)
    {
        if (user?.Identity is { IsAuthenticated: true, AuthenticationType: McpTokenAuthentication.Scheme }
            && user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } learnerId)
        {
            return learnerId;
        }

        if (stdio is not null)
        {
            return learners.Resolve(Door.Terminal, stdio.TerminalId, stdio.TerminalId).Id;
        }

        throw new McpException("This MCP server acts only for a signed-in learner: send the token from /mcp-token as 'Authorization: Bearer <token>'.");
    }
}
