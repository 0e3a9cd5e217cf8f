using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>
/// The concept map widens questions with words the curriculum uses. A form no lesson holds cannot be
/// found by anything, so it can only exist to bridge a particular question: each form must occur in the
/// curriculum in its own language.
/// </summary>
public sealed class ConceptMapAuditTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Fact]
    public void Every_concept_form_occurs_in_the_curriculum_in_its_own_language()
    {
        var missing = new List<string>();
        foreach (var group in ConceptMap.Entries)
        {
            foreach (var form in group)
            {
                var lang = LanguageDetector.Detect(form, "en");
                var terms = fixture.Knowledge.Index.Analyze(lang, form);
                if (terms.Count == 0 || !terms.All(t => fixture.Knowledge.Index.Holds(lang, t)))
                {
                    missing.Add($"{form} ({lang})");
                }
            }
        }

        Assert.True(missing.Count == 0, "forms no lesson holds: " + string.Join("; ", missing));
    }

    [Fact]
    public void The_fails_to_load_bridge_is_gone()
    {
        Assert.DoesNotContain(ConceptMap.Entries.SelectMany(g => g), f => f.Equals("fails to load", StringComparison.OrdinalIgnoreCase));
    }
}
