using IstioTutor.Core.Labs;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using IstioTutor.Labs.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Labs.Tests.Labs;

[Collection(TutorHostCollection.Name)]
public sealed class LabReferenceSolutionTests(TutorHostFixture host)
{
    public static TheoryData<string> LabIds() =>
    [
        "bookinfo-gateway", "request-routing", "traffic-shifting", "fault-injection", "timeouts-retries", "circuit-breaking",
        "mtls-strict", "authz-policy", "jwt-auth", "egress-serviceentry", "telemetry-access-logs", "envoyfilter-header",
        "wasm-plugin", "locality-failover",
    ];

    [Theory]
    [MemberData(nameof(LabIds))]
    public async Task Reference_solution_applied_through_apply_and_confirm_passes_check(string labId)
    {
        var learner = TutorHostFixture.NewLearner("ref");
        var lab = host.Services.GetRequiredService<LabCatalog>().Find(labId)!;
        foreach (var manifest in lab.Definition.ReferenceFor(LearnerIds.NamespaceOf(learner)))
        {
            await host.ApplyAndConfirmAsync(learner, manifest);
        }

        var result = await host.SendAsync(learner, "/check " + labId);

        Assert.NotNull(result.Check);
        Assert.True(result.Check!.Passed, result.Text);
        Assert.Equal(labId, result.Check.Lab);
        Assert.Contains("simulated sandbox", result.Check.Method, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passed_check_is_recorded_as_lab_progress()
    {
        var learner = TutorHostFixture.NewLearner("progress");
        var lab = host.Services.GetRequiredService<LabCatalog>().Find("mtls-strict")!;
        await host.ApplyAndConfirmAsync(learner, lab.Definition.ReferenceFor(LearnerIds.NamespaceOf(learner))[0]);

        await host.SendAsync(learner, "/check mtls-strict");

        var events = host.Services.GetRequiredService<IProgressLog>().ForLearner(learner);
        Assert.Contains(events, e => e.Kind == ProgressEventKind.LabChecked && e.Subject == "mtls-strict" && e.Passed == true);
    }

    [Fact]
    public void Every_lab_id_in_the_lessons_front_matter_has_a_lab()
    {
        var catalog = host.Services.GetRequiredService<LabCatalog>();
        var knowledge = FindKnowledgeDirectory();
        var ids = Directory.EnumerateFiles(knowledge, "*.md", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(l => l.StartsWith("labs:", StringComparison.Ordinal))
            .SelectMany(l => l["labs:".Length..].Trim().Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct()
            .ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.NotNull(catalog.Find(id)));
        Assert.True(catalog.All.Count >= 12);
    }

    private static string FindKnowledgeDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "knowledge");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "IstioTutor.sln")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("knowledge/ beside IstioTutor.sln");
    }
}
