using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;

namespace IstioTutor.Core.Answering.FollowUps;

/// <summary>
/// A follow-up read against the conversation's previous answer: <see cref="Section"/> is what it is
/// about (the previous section, in the language asked for, or the best section for a new topic),
/// <see cref="Retrieval"/> the material to answer from, and <see cref="Query"/> the question that
/// stands for it when the next follow-up comes.
/// </summary>
public sealed record ResolvedFollowUp(FollowUp FollowUp, PreviousAnswer Previous, LessonSection Section, Retrieval Retrieval, string Query)
{
    /// <summary>The language the reply is written in.</summary>
    public string ReplyLang(string questionLang) => FollowUp.TargetLang ?? questionLang;
}
