using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Guard.Pending;

/// <summary>
/// Finds the preview a learner means to confirm or cancel — the one they named, or the newest in this
/// conversation — and says why they may not when it is not theirs, from another conversation, already
/// used or expired. An expired preview found here is cancelled on the way.
/// </summary>
internal sealed class PendingActionFinder(IPendingActionStore pending, IOptions<GuardOptions> options, TimeProvider clock)
{
    public PendingLookup FindOwn(Actor actor, string? actionId, string verb)
    {
        PendingAction? action;
        if (string.IsNullOrWhiteSpace(actionId))
        {
            action = pending.LatestPending(actor.LearnerId, actor.ConversationId);
            if (action is null)
            {
                return Refused(RefusalKind.Input, "nothing-pending", "There is no preview waiting for you in this conversation. Preview a change first with /apply, /delete, /undo or /reset-sandbox.", "이 대화에 확인을 기다리는 미리보기가 없습니다. 먼저 /apply, /delete, /undo, /reset-sandbox 로 미리보기를 만드세요.", null);
            }
        }
        else
        {
            action = pending.Find(actionId.Trim());
            // The same words for "no such id" and "someone else's id": an id must not reveal whether it exists.
            if (action is null || action.LearnerId != actor.LearnerId)
            {
                return Refused(RefusalKind.Policy, action is null ? "unknown-preview" : "other-learners-preview", $"There is no preview '{Shorten(actionId)}' of yours. Only the learner who made a preview can {verb} it.", $"내 미리보기 '{Shorten(actionId)}'가 없습니다. 미리보기는 만든 학습자만 {verb}할 수 있습니다.", Shorten(actionId));
            }
        }

        // An MCP client has no place for the learner to type; a preview made there may be confirmed by its own
        // learner from any door, but only by naming its id (the person read it), never as "the newest".
        var fromMcpById = action.Door == Door.Mcp && !string.IsNullOrWhiteSpace(actionId) && !actor.ModelInitiated;
        if (action.ConversationId != actor.ConversationId && !fromMcpById)
        {
            return Refused(RefusalKind.Policy, "other-conversation", $"Preview {action.Id} was made in another conversation; {verb} it there, or preview the change again here.", $"미리보기 {action.Id}는 다른 대화에서 만들어졌습니다. 그 대화에서 처리하거나 여기서 다시 미리보기를 만드세요.", action.Id);
        }

        if (action.Status != PendingStatus.Pending)
        {
            return Refused(RefusalKind.Policy, "replayed", $"Preview {action.Id} is already {action.Status.ToString().ToLowerInvariant()}; nothing was done. Preview the change again if you still want it.", $"미리보기 {action.Id}는 이미 처리되었습니다({action.Status}). 아무것도 하지 않았습니다. 필요하면 다시 미리보기를 만드세요.", action.Id);
        }

        if (action.ExpiresAt <= clock.GetUtcNow())
        {
            pending.TryTransition(action.Id, PendingStatus.Cancelled);
            return Refused(RefusalKind.Policy, "expired", $"Preview {action.Id} expired at {action.ExpiresAt:HH:mm} UTC ({options.Value.PendingMinutes} minutes after it was made); nothing was applied. Preview it again.", $"미리보기 {action.Id}는 {action.ExpiresAt:HH:mm} UTC에 만료되었습니다({options.Value.PendingMinutes}분). 아무것도 적용하지 않았습니다. 다시 미리보기를 만드세요.", action.Id);
        }

        return new PendingLookup(action);
    }

    /// <summary>The newest unexpired preview of this actor in this conversation, if any.</summary>
    public PendingAction? Current(Actor actor)
    {
        var action = pending.LatestPending(actor.LearnerId, actor.ConversationId);
        return action is not null && action.ExpiresAt > clock.GetUtcNow() ? action : null;
    }

    private static PendingLookup Refused(RefusalKind kind, string code, string english, string korean, string? auditActionId) =>
        new(null, new GuardRefusal(code, english, korean, kind), auditActionId);

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
