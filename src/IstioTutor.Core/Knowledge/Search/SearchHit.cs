namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// A section found for a query. <see cref="Score"/> is Lucene's BM25 score; <see cref="Coverage"/> is
/// the IDF-weighted share of the query's terms the section contains (0..1), comparable across queries;
/// <see cref="LessonCoverage"/> is the same share over the whole lesson the section belongs to, which says
/// whether the curriculum covers the question at all (the lesson's asks' words count too). <see cref="Resemblance"/>
/// is the lesson's share of the votes of the asks closest to the question (0..1, 1 for the lesson with the
/// most); <see cref="LessonFit"/> is the
/// probability, learnt from all the lessons' asks, that the question is about this section's lesson.
/// </summary>
public sealed record SearchHit(LessonSection Section, float Score, double Coverage, double LessonCoverage = 0, float Resemblance = 0, double LessonFit = 0);
