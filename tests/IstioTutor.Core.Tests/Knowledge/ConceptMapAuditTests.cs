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
            foreach (var form in group.Where(f => !ConceptMap.Transliterations.Contains(f)))
            {
                var lang = LanguageDetector.Detect(form, "en");
                if (!Holds(lang, form))
                {
                    missing.Add($"{form} ({lang})");
                }
            }
        }

        Assert.True(missing.Count == 0, "forms no lesson holds: " + string.Join("; ", missing));
    }

    [Fact]
    public void A_korean_spelling_of_a_product_name_sits_with_the_latin_name_the_korean_lessons_use()
    {
        foreach (var spelling in ConceptMap.Transliterations)
        {
            var group = ConceptMap.Entries.Single(g => g.Contains(spelling));

            Assert.Contains(group, f => LanguageDetector.Detect(f, "en") == "en" && Holds("ko", f));
        }
    }

    private bool Holds(string lang, string form)
    {
        var terms = fixture.Knowledge.Index.Analyze(lang, form);
        return terms.Count > 0 && terms.All(t => fixture.Knowledge.Index.Holds(lang, t));
    }

    [Fact]
    public void The_fails_to_load_bridge_is_gone()
    {
        Assert.DoesNotContain(ConceptMap.Entries.SelectMany(g => g), f => f.Equals("fails to load", StringComparison.OrdinalIgnoreCase));
    }
}
