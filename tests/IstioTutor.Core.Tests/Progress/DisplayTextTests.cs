using IstioTutor.Core.Progress;

namespace IstioTutor.Core.Tests.Progress;

/// <summary>Names learners choose cannot carry terminal control sequences or unbounded length to a mentor's screen.</summary>
public sealed class DisplayTextTests
{
    [Fact]
    public void Ansi_escape_sequences_lose_their_escape_character()
    {
        Assert.Equal("[2J[31mMallory[0m", DisplayText.Name("\u001b[2J\u001b[31mMallory\u001b[0m"));
    }

    [Fact]
    public void Line_breaks_tabs_and_bidi_overrides_are_removed()
    {
        Assert.Equal("Ada evil Lovelace", DisplayText.Name("Ada\r\n\tevil\u202E Lovelace\u0007"));
    }

    [Fact]
    public void Long_name_is_cut_to_the_limit_without_splitting_a_character()
    {
        var name = DisplayText.Name(new string('a', DisplayText.MaxNameLength - 1) + "😀😀");

        Assert.Equal(DisplayText.MaxNameLength - 1, name.Length);
    }

    [Fact]
    public void Korean_name_is_kept()
    {
        Assert.Equal("김하나", DisplayText.Name("김하나"));
    }
}
