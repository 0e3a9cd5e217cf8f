using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Parsing;
using YamlDotNet.RepresentationModel;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>
/// Facts the curriculum states about Istio that an expert checked against the Istio source: a lesson that
/// drifts back to the wrong statement fails here, in both languages.
/// </summary>
public sealed class CurriculumFactTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void Wasm_fetch_failure_under_fail_close_is_taught_as_403_not_5xx(string lang)
    {
        var lesson = fixture.Knowledge.Curriculum.FindExact("wasmplugin", lang) ?? throw new InvalidOperationException($"wasmplugin ({lang}) missing");

        var failure = lesson.Sections.Single(s => s.Markdown.Contains("failStrategy", StringComparison.Ordinal) && s.Markdown.Contains("FAIL_OPEN", StringComparison.Ordinal) && s.Heading.Contains("failStrategy", StringComparison.Ordinal));
        Assert.Contains("403", failure.Markdown, StringComparison.Ordinal);
        Assert.Contains("RBAC", failure.Markdown, StringComparison.Ordinal);

        var question = lesson.Quiz.Single(q => q.Options.Any(o => o.Contains("FAIL_CLOSE", StringComparison.Ordinal)));
        var correct = question.Options[question.CorrectIndex];
        Assert.Contains("403", correct, StringComparison.Ordinal);
        Assert.DoesNotContain("5xx", correct, StringComparison.Ordinal);
    }

    /// <summary>
    /// Applying a resource with a name that already exists replaces it, so when a lesson shows the same
    /// resource again it must keep every top-level spec section the earlier version set.
    /// </summary>
    [Fact]
    public void A_resource_shown_twice_in_a_lesson_keeps_every_spec_section_of_the_earlier_version()
    {
        var dropped = new List<string>();
        foreach (var lesson in fixture.Knowledge.Curriculum.Lessons)
        {
            var seen = new Dictionary<(string Kind, string Ns, string Name), HashSet<string>>();
            foreach (var block in lesson.Sections.SelectMany(s => s.CodeBlocks).Where(b => b.IsYaml))
            {
                foreach (var (key, sections) in Resources(block.Code))
                {
                    if (seen.TryGetValue(key, out var earlier))
                    {
                        var lost = earlier.Except(sections).ToList();
                        if (lost.Count > 0)
                        {
                            dropped.Add($"{lesson.Source}: {key.Kind} {key.Ns}/{key.Name} drops {string.Join(", ", lost)}");
                        }
                    }

                    seen[key] = sections;
                }
            }
        }

        Assert.True(dropped.Count == 0, string.Join(Environment.NewLine, dropped));
    }

    [Fact]
    public void Authors_guide_example_quiz_says_weights_are_relative_as_the_traffic_shifting_lesson_does()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "knowledge", "README.md"));
        var example = guide[guide.IndexOf("```markdown", StringComparison.Ordinal)..];
        var quiz = example[example.IndexOf("## Quiz", StringComparison.Ordinal)..example.IndexOf("**Explanation:**", StringComparison.Ordinal)];
        var correct = quiz.Split('\n').Single(l => l.StartsWith("- [x]", StringComparison.Ordinal));

        Assert.Contains("accepted", correct, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("relative", correct, StringComparison.OrdinalIgnoreCase);
        var lesson = fixture.Knowledge.Curriculum.FindExact("traffic-shifting", "en")!;
        Assert.Contains(lesson.Sections, s => s.Markdown.Contains("Weights are relative", StringComparison.Ordinal));
    }

    private static IEnumerable<((string Kind, string Ns, string Name) Key, HashSet<string> Sections)> Resources(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            yield break;
        }

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root
                || Child(root, "apiVersion") is not YamlScalarNode { Value: { } apiVersion }
                || Child(root, "kind") is not YamlScalarNode { Value: { } kind }
                || Child(root, "metadata") is not YamlMappingNode metadata
                || Child(metadata, "name") is not YamlScalarNode { Value: { } name }
                || Child(root, "spec") is not YamlMappingNode spec)
            {
                continue;
            }

            var ns = Child(metadata, "namespace") is YamlScalarNode { Value: { } n } ? n : "";
            var group = apiVersion.Split('/')[0];
            yield return (($"{kind}.{group}", ns, name), spec.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToHashSet());
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IstioTutor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("IstioTutor.sln above the test output");
    }
}
