using System.Reflection;
using IstioTutor.Core.Hosting;
using IstioTutor.Mesh.Model;
using NetArchTest.Rules;

namespace IstioTutor.Core.Tests.Architecture;

/// <summary>
/// Core's feature folders form layers: each may use the ones listed before it and none after it.
/// <c>Turns</c> is the shared vocabulary at the bottom; <c>Hosting</c>, the composition root, is the top.
/// A new reference upwards (say, Progress using a type of Labs) fails here with the type that made it.
/// </summary>
public sealed class CoreLayeringTests
{
    private const string Root = "IstioTutor.Core";

    /// <summary>Bottom first.</summary>
    public static readonly string[] Layers =
        ["Turns", "Observability", "Knowledge", "Progress", "McpAccess", "Guard", "Labs", "Tools", "Answering", "Curriculum", "Pipeline", "Hosting"];

    private static readonly Assembly Core = typeof(TutorServiceCollectionExtensions).Assembly;

    /// <summary>Read once: loading the assembly's types is the slow part of every rule.</summary>
    private static readonly Lazy<Types> CoreTypes = new(() => Types.InAssembly(Core));

    public static TheoryData<string> Features => new(Layers);

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_uses_no_feature_above_it(string feature)
    {
        var above = Layers.SkipWhile(l => l != feature).Skip(1).Select(l => $"{Root}.{l}").ToArray();
        if (above.Length == 0)
        {
            return;
        }

        var result = CoreTypes.Value
            .That().ResideInNamespaceMatching(Pattern(feature))
            .ShouldNot().HaveDependencyOnAny(above)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{Root}.{feature} uses a feature above it:\n{Describe(result)}");
    }

    [Fact]
    public void Every_feature_folder_has_a_place_in_the_layers()
    {
        var namespaces = Core.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(ns => ns[(Root.Length + 1)..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Empty(namespaces.Except(Layers));
    }

    [Fact]
    public void No_two_feature_folders_use_each_other()
    {
        var uses = Layers.ToDictionary(f => f, f => Layers.Where(other => other != f && Uses(f, other)).ToHashSet());
        var mutual = uses.SelectMany(u => u.Value.Where(other => uses[other].Contains(u.Key) && string.CompareOrdinal(u.Key, other) < 0).Select(other => $"{u.Key} <-> {other}"));

        Assert.Empty(mutual);
    }

    [Fact]
    public void The_mesh_engine_uses_nothing_of_the_tutor()
    {
        var result = Types.InAssembly(typeof(MeshModel).Assembly)
            .ShouldNot().HaveDependencyOnAny(Root, "IstioTutor.Sandbox", "IstioTutor.Bot", "IstioTutor.Cli", "LiteDB", "Microsoft.SemanticKernel")
            .GetResult();

        Assert.True(result.IsSuccessful, $"IstioTutor.Mesh uses the tutor:\n{Describe(result)}");
    }

    private static bool Uses(string feature, string other) =>
        CoreTypes.Value
            .That().ResideInNamespaceMatching(Pattern(feature))
            .And().HaveDependencyOnAny($"{Root}.{other}")
            .GetTypes()
            .Any();

    private static string Pattern(string feature) => $@"^{Root}\.{feature}(\..+)?$";

    private static string Describe(TestResult result) =>
        string.Join("\n", (result.FailingTypes ?? []).Select(t => $"  {t.FullName}: {t.Explanation}"));
}
