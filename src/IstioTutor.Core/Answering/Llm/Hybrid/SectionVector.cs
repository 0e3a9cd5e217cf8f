using IstioTutor.Core.Knowledge;

namespace IstioTutor.Core.Answering.Llm.Hybrid;

/// <summary>A section with its unit-length embedding, so cosine similarity is a dot product.</summary>
public sealed record SectionVector(LessonSection Section, float[] Vector);
