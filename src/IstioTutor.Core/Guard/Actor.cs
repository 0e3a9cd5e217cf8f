using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Guard;

/// <summary>
/// Who is acting, as the door established it — never as a message or a model claims it. Every guarded call
/// takes one; the plugin is built for one actor and cannot act for another.
/// </summary>
public sealed record Actor(Learner Learner, Door Door, string ConversationId, string Lang, bool ModelInitiated = false)
{
    public string LearnerId => Learner.Id;

    public string Namespace => Learner.Namespace;

    public bool IsMentor => Learner.Role is LearnerRole.Mentor or LearnerRole.Admin;

    public string T(string english, string korean) => Lang == "ko" ? korean : english;

    public static Actor From(TurnContext context, bool modelInitiated = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Actor(context.Learner, context.Request.Door, context.Request.ConversationId, context.Lang, modelInitiated || context.Request.ModelInitiated);
    }
}
