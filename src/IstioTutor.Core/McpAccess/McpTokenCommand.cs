using IstioTutor.Core.Turns;

namespace IstioTutor.Core.McpAccess;

/// <summary>
/// /mcp-token issues a bearer token for the MCP endpoint of <c>istiotutor serve</c> (an editor's assistant then
/// acts as this learner, in this learner's sandbox only); /mcp-token revoke ends every token of the learner.
/// Only a person in chat gets one: the MCP door itself cannot mint or revoke tokens.
/// </summary>
public sealed class McpTokenCommand(IMcpTokenStore tokens) : ITurnCommand
{
    public string Name => "mcp-token";

    public string Usage => "/mcp-token [revoke]";

    public string Summary(string lang) => lang == "ko" ? "편집기 도우미(MCP)용 토큰 발급·폐기" : "issue or revoke a token for your editor's assistant (MCP)";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        if (context.Request.Door == Door.Mcp)
        {
            return Task.FromResult(context.Reply(context.T(
                "Not done: MCP tokens are issued and revoked in chat (terminal, web, Teams, Slack), not through an MCP client.",
                "실행하지 않았습니다: MCP 토큰은 MCP 클라이언트가 아니라 채팅(터미널·웹·Teams·Slack)에서 발급·폐기합니다.")));
        }

        var learnerId = context.Learner.Id;
        switch (arguments.Trim().ToLowerInvariant())
        {
            case "":
                var issued = tokens.Issue(learnerId);
                return Task.FromResult(context.Reply(context.T(
                    $"""
                    Your MCP token (shown once — keep it like a password):
                    {issued.Token}
                    Give it to your editor's assistant as the header "Authorization: Bearer <token>" for the /mcp endpoint of this tutor's server. It acts as you ({learnerId}), in your sandbox {context.Learner.Namespace} only; changes still need your confirmation. You have {tokens.Count(learnerId)} live token(s); /mcp-token revoke ends them all.
                    """,
                    $"""
                    MCP 토큰입니다(한 번만 표시됩니다. 비밀번호처럼 보관하세요):
                    {issued.Token}
                    편집기 도우미에 이 서버의 /mcp 엔드포인트용 헤더 "Authorization: Bearer <토큰>"으로 넣으세요. 도우미는 나({learnerId})로서 내 샌드박스 {context.Learner.Namespace}에서만 동작하며, 변경은 여전히 내 확인이 필요합니다. 유효한 토큰 {tokens.Count(learnerId)}개; /mcp-token revoke 로 모두 폐기합니다.
                    """)));
            case "revoke":
                var revoked = tokens.RevokeAll(learnerId);
                return Task.FromResult(context.Reply(revoked == 0
                    ? context.T("You have no MCP tokens; nothing was revoked.", "MCP 토큰이 없습니다. 폐기한 것이 없습니다.")
                    : context.T($"Revoked {revoked} MCP token(s); clients using them are refused from now on.", $"MCP 토큰 {revoked}개를 폐기했습니다. 이제 그 토큰을 쓰는 클라이언트는 거부됩니다.")));
            default:
                return Task.FromResult(context.Reply(context.T(
                    $"I did not understand '{arguments.Trim()}'. Usage: /mcp-token (issue one) or /mcp-token revoke.",
                    $"'{arguments.Trim()}'을(를) 이해하지 못했습니다. 사용법: /mcp-token(발급) 또는 /mcp-token revoke.")));
        }
    }
}
