using IstioTutor.Core.Knowledge.Search;

namespace IstioTutor.Core.Tests.Knowledge;

public sealed class SpellingTests
{
    [Fact]
    public void Swapping_two_neighbouring_letters_is_one_edit() => Assert.Equal(1, Spelling.Distance("isito", "istio", 2));

    [Fact]
    public void A_word_one_letter_short_of_a_known_word_is_corrected_to_it() =>
        Assert.Equal("timeout", Spelling.Nearest("timout", ["timeout", "gateway", "retries"]));

    [Fact]
    public void Words_under_five_letters_are_never_corrected() => Assert.Null(Spelling.Nearest("pdo", ["pod"]));

    [Fact]
    public void A_short_word_two_edits_away_is_left_alone() => Assert.Null(Spelling.Nearest("sidcer", ["sidecar"]));

    [Fact]
    public void A_long_word_two_edits_away_is_corrected() =>
        Assert.Equal("virtualservice", Spelling.Nearest("virtualservce", ["virtualservice", "destinationrule"]));

    [Fact]
    public void Of_two_equally_near_words_the_more_frequent_wins() =>
        Assert.Equal("route", Spelling.Nearest("routx", ["router", "route", "routes"], w => w == "route" ? 40 : 3));

    [Fact]
    public void A_word_with_other_than_latin_letters_is_not_corrected() => Assert.Null(Spelling.Nearest("timeou7", ["timeout"]));
}
