using System.Text.Json.Nodes;
using IstioTutor.Mesh.Routing;

namespace IstioTutor.Core.Tests.Mesh;

public sealed class StringMatchTests
{
    private static StringMatch Read(string json) => StringMatch.FromJson(JsonNode.Parse(json))!;

    [Fact]
    public void Exact_accepts_only_the_same_value()
    {
        var match = Read("""{"exact": "/reviews"}""");

        Assert.True(match.Matches("/reviews"));
        Assert.False(match.Matches("/reviews/1"));
    }

    [Fact]
    public void Prefix_accepts_values_that_start_with_it()
    {
        var match = Read("""{"prefix": "/api"}""");

        Assert.True(match.Matches("/api/v1"));
        Assert.False(match.Matches("/ap"));
    }

    [Fact]
    public void Regex_must_cover_the_whole_value()
    {
        var match = Read("""{"regex": "/reviews/[0-9]+"}""");

        Assert.True(match.Matches("/reviews/12"));
        Assert.False(match.Matches("/reviews/12/x"));
    }

    [Fact]
    public void A_regex_that_does_not_compile_matches_nothing()
    {
        Assert.False(Read("""{"regex": "(unclosed"}""").Matches("(unclosed"));
    }

    [Fact]
    public void Ignoring_case_applies_to_exact_and_prefix()
    {
        Assert.True(Read("""{"exact": "/Reviews"}""").Matches("/reviews", ignoreCase: true));
        Assert.True(Read("""{"prefix": "/API"}""").Matches("/api/v1", ignoreCase: true));
    }

    [Fact]
    public void A_field_that_is_not_an_object_reads_as_absent()
    {
        Assert.Null(StringMatch.FromJson(JsonValue.Create("/reviews")));
    }
}
