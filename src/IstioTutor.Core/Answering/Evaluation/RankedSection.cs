using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>One section a system put forward for a question, in its order: a citation of the engine's answer or a BM25 hit.</summary>
public sealed record RankedSection(string LessonId, string Heading, Stage Stage);
