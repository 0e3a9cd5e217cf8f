using System.Diagnostics;
using IstioTutor.Core.Guard;
using IstioTutor.Core.Guard.Manifests;

namespace IstioTutor.Labs.Tests.Guard;

public sealed class ManifestParserTests
{
    private static readonly ManifestParser Parser = new(ManifestLimits.From(new GuardOptions()));

    private static string Code(string yaml) => Assert.Throws<GuardException>(() => Parser.Parse(yaml)).Refusal.Code;

    [Fact]
    public void Scalars_are_typed_like_kubernetes_reads_them()
    {
        var doc = Parser.Parse("a: 50\nb: \"50\"\nc: true\nd: 1.5\ne: ~\nf: 7s")[0].Object;

        Assert.Equal(50, doc["a"]!.GetValue<int>());
        Assert.Equal("50", doc["b"]!.GetValue<string>());
        Assert.True(doc["c"]!.GetValue<bool>());
        Assert.Equal(1.5, doc["d"]!.GetValue<double>());
        Assert.Null(doc["e"]);
        Assert.Equal("7s", doc["f"]!.GetValue<string>());
    }

    [Fact]
    public void Several_documents_are_read_in_order_and_empty_ones_skipped()
    {
        var docs = Parser.Parse("kind: A\n---\n---\nkind: B\n---\n");

        Assert.Equal(["A", "B"], docs.Select(d => d.Object["kind"]!.GetValue<string>()));
    }

    [Fact]
    public void Billion_laughs_is_refused_before_any_expansion()
    {
        var bomb = "a: &a [\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\n";
        var watch = Stopwatch.StartNew();

        Assert.Equal("yaml-alias", Code(bomb));
        Assert.True(watch.ElapsedMilliseconds < 200);
    }

    [Fact]
    public void Merge_keys_are_refused() => Assert.Equal("yaml-alias", Code("<<: {a: 1}\nb: 2"));

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused() => Assert.Equal("too-deep", Code("a: " + new string('[', 100) + new string(']', 100)));

    [Fact]
    public void More_documents_than_the_limit_are_refused() => Assert.Equal("too-many-documents", Code(string.Join("\n---\n", Enumerable.Repeat("kind: A", 21))));

    [Fact]
    public void Oversized_manifest_is_refused() => Assert.Equal("too-large", Code("a: \"" + new string('x', 40_000) + "\""));

    [Fact]
    public void Duplicate_keys_are_refused_with_the_line() =>
        Assert.Contains("Line 2", Assert.Throws<GuardException>(() => Parser.Parse("a: 1\na: 2")).Refusal.English, StringComparison.Ordinal);

    [Fact]
    public void Syntax_errors_name_the_line_and_column() =>
        Assert.Equal("yaml-syntax", Code("a: [1, 2\nb: 3"));

    [Fact]
    public void Fenced_block_is_extracted_from_a_chat_message() =>
        Assert.Equal("kind: A\n", ManifestParser.ExtractYaml("please apply\n```yaml\nkind: A\n```\nthanks"));
}
