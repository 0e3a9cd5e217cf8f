using IstioTutor.Core.Turns;
namespace IstioTutor.Core.Answering.Llm;

/// <summary>One remembered turn of a conversation with the model: the learner's question or the tutor's answer.</summary>
public sealed record ConversationMessage(ConversationRole Role, string Text, DateTimeOffset At);

public enum ConversationRole
{
    Learner,
    Tutor,
}
