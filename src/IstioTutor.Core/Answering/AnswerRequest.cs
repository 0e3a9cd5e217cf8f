using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering;

/// <summary>A question in <paramref name="Lang"/> ("en"/"ko") from a learner at <paramref name="Stage"/>.</summary>
public sealed record AnswerRequest(string Question, string Lang, Stage Stage, Learner Learner, string ConversationId, Door Door);
