using IstioTutor.Core.Answering.Llm;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Llm.Tests;

public sealed class CitationCheckerTests
{
    private static readonly LessonSection Weights = Section("traffic-shifting", "Weighted routing");
    private static readonly LessonSection Subsets = Section("destination-rules", "Subsets and labels");
    private readonly CitationChecker _checker = new();

    [Fact]
    public void Several_ids_in_one_bracket_keep_the_real_ones_only()
    {
        var result = _checker.Check("Split it [traffic-shifting/weighted-routing, istio/none-such].", [Weights, Subsets]);

        Assert.Equal("Split it [traffic-shifting/weighted-routing].", result.Text);
        Assert.Equal(["istio/none-such"], result.Dropped);
    }

    [Fact]
    public void Markdown_links_numbers_and_yaml_lists_in_brackets_are_left_alone()
    {
        var reply = "See [the docs](https://istio.io) and note [1]; ports: [80, 443] [destination-rules/subsets-and-labels]";

        var result = _checker.Check(reply, [Weights, Subsets]);

        Assert.Equal(reply, result.Text);
        Assert.Single(result.Citations);
        Assert.Empty(result.Dropped);
    }

    [Fact]
    public void Citation_ids_match_regardless_of_case_and_each_section_is_cited_once()
    {
        var result = _checker.Check("A [Traffic-Shifting/Weighted-Routing]. B [traffic-shifting/weighted-routing].", [Weights]);

        var citation = Assert.Single(result.Citations);
        Assert.Equal(new Citation("traffic-shifting", "traffic-shifting title", Stage.Beginner, "Weighted routing", "en"), citation);
    }

    [Fact]
    public void Korean_headings_get_ids_the_model_can_cite()
    {
        var korean = Section("traffic-shifting", "가중치 라우팅");

        var result = _checker.Check("가중치를 쓰세요 [traffic-shifting/가중치-라우팅].", [korean]);

        Assert.Equal("traffic-shifting/가중치-라우팅", SectionIds.Of(korean));
        Assert.Single(result.Citations);
    }

    private static LessonSection Section(string lesson, string heading) => new()
    {
        LessonId = lesson,
        LessonTitle = lesson + " title",
        Stage = Stage.Beginner,
        Lang = "en",
        Heading = heading,
        HeadingPath = heading,
        Markdown = "",
        Prose = "",
    };
}
