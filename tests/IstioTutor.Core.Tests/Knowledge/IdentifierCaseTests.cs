using IstioTutor.Core.Knowledge.Search;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>Lower-case identifiers get the lessons' spelling back, so they split into the same words.</summary>
public sealed class IdentifierCaseTests
{
    [Fact]
    public void A_lower_case_identifier_gets_the_lessons_spelling() =>
        Assert.Equal("EnvoyFilter", IdentifierCase.From(["Apply an EnvoyFilter to the gateway."]).Restore("envoyfilter"));

    [Fact]
    public void The_spelling_the_lessons_use_most_wins() =>
        Assert.Equal("mirrorPercentage", IdentifierCase.From(["mirrorPercentage: 10", "set mirrorPercentage", "MirrorPercentage"]).Restore("mirrorpercentage"));

    [Fact]
    public void A_word_the_lessons_never_write_in_camel_case_is_left_alone() =>
        Assert.Null(IdentifierCase.From(["Apply an EnvoyFilter to the gateway."]).Restore("gateway"));

    [Fact]
    public void An_identifier_typed_lower_case_is_analyzed_like_the_spelled_one()
    {
        var analyzer = new EnglishLessonAnalyzer(IdentifierCase.From(["outlierDetection ejects hosts"]));

        Assert.Equal(Tokens(analyzer, "outlierDetection"), Tokens(analyzer, "outlierdetection"));
    }

    private static List<string> Tokens(Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("f", new StringReader(text));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }
}
