namespace IstioTutor.Core.Answering.Llm;

/// <summary>LiteDB shape of a <see cref="ConversationMessage"/>; <see cref="Key"/> is learner id and conversation id.</summary>
internal sealed class ConversationDocument
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public ConversationRole Role { get; set; }
    public string Text { get; set; } = "";
    public DateTime At { get; set; }
}
