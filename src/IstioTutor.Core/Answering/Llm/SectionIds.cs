using System.Text;
using IstioTutor.Core.Knowledge;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// The citation id the model sees and writes for a section: "lesson-id/heading-slug". Readable, stable
/// across runs, and specific enough that an id the model invents can be told from a real one.
/// </summary>
public static class SectionIds
{
    public static string Of(LessonSection section) => $"{section.LessonId}/{Slug(section.Heading)}";

    /// <summary>Lower-case letters (any script) and digits kept, everything else one hyphen.</summary>
    public static string Slug(string heading)
    {
        var sb = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }
}
