using IstioTutor.Core.Answering.Llm;

namespace IstioTutor.Llm.Tests;

public sealed class NameMaskerTests
{
    [Fact]
    public void Longer_names_are_masked_whole_and_unmasking_restores_the_text()
    {
        var masker = NameMasker.For(["reviews", "reviews-v2", "learn-dana"]);
        const string text = "route reviews to reviews-v2 in learn-dana, not previews";

        var masked = masker.Mask(text);

        Assert.DoesNotContain("reviews", masked.Replace("previews", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("previews", masked, StringComparison.Ordinal);
        Assert.Equal(text, masker.Unmask(masked));
    }

    [Fact]
    public void A_disabled_masker_changes_nothing()
    {
        var masker = NameMasker.Disabled();
        masker.Add(["reviews"]);

        Assert.Equal("reviews", masker.Mask("reviews"));
    }

    [Fact]
    public void Unknown_tokens_the_model_makes_up_are_left_as_they_are()
    {
        var masker = NameMasker.For(["ratings"]);

        Assert.Equal("ratings and name-99", masker.Unmask(masker.Mask("ratings") + " and name-99"));
    }
}
