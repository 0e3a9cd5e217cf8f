using IstioTutor.Core.Labs;
using IstioTutor.Core.Labs.Catalog;
using IstioTutor.Core.Turns;
using IstioTutor.Labs.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Labs.Tests.Labs;

/// <summary>The ambient labs, graded by the simulator: a reference solution and a typical wrong one each.</summary>
[Collection(TutorHostCollection.Name)]
public sealed class AmbientLabTests(TutorHostFixture host)
{
    private readonly LabGrading _grading = new(host);

    [Fact]
    public async Task Ambient_L4_reference_applied_with_apply_and_confirm_after_kubectl_label_passes_check()
    {
        var learner = TutorHostFixture.NewLearner("ambl4");
        var lab = host.Services.GetRequiredService<LabCatalog>().Find("ambient-l4-policy")!;
        await _grading.LabelNamespaceAsync(learner, LabGrading.Ambient);
        await host.ApplyAndConfirmAsync(learner, lab.Definition.ReferenceFor(LearnerIds.NamespaceOf(learner))[0]);

        var result = await host.SendAsync(learner, "/check ambient-l4-policy");

        Assert.True(result.Check!.Passed, result.Text);
        Assert.Contains("grades them as restarted without sidecars", result.Check.Method, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ambient_L4_policy_with_HTTP_methods_is_refused_by_ztunnel_and_fails_check()
    {
        var learner = TutorHostFixture.NewLearner("ambl4wrong");
        var wrong = new AuthzPolicyLab().Definition.ReferenceFor(LearnerIds.NamespaceOf(learner))[0];
        await _grading.LabelNamespaceAsync(learner, LabGrading.Ambient);
        await host.ApplyAndConfirmAsync(learner, wrong);

        var result = await host.SendAsync(learner, "/check ambient-l4-policy");

        Assert.False(result.Check!.Passed);
        Assert.Contains(result.Check.Findings, f => !f.Ok && f.Message.Contains("HTTP attributes (methods) that ztunnel cannot see", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ambient_L4_check_without_the_ambient_label_names_the_kubectl_label_command()
    {
        var learner = TutorHostFixture.NewLearner("ambl4nolabel");
        await host.ApplyAndConfirmAsync(learner, new AmbientL4PolicyLab().Definition.ReferenceFor(LearnerIds.NamespaceOf(learner))[0]);

        var result = await host.SendAsync(learner, "/check ambient-l4-policy");

        Assert.False(result.Check!.Passed);
        Assert.Contains(result.Check.Findings, f => !f.Ok && f.Hint!.Contains($"kubectl label namespace {LearnerIds.NamespaceOf(learner)} istio.io/dataplane-mode=ambient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Waypoint_reference_solution_passes_check()
    {
        var learner = TutorHostFixture.NewLearner("ambwp");
        var lab = new AmbientWaypointLab();

        var findings = await _grading.GradeAsync("ambient-waypoint-l7", learner, lab.Definition.ReferenceFor(LearnerIds.NamespaceOf(learner)), LabGrading.AmbientWithWaypoint);

        Assert.True(findings.Passed, string.Join(" | ", findings.All.Select(f => $"{f.Ok}: {f.Message}")));
    }

    [Fact]
    public async Task Waypoint_lab_with_a_selector_policy_instead_of_targetRefs_fails_check()
    {
        var learner = TutorHostFixture.NewLearner("ambwpsel");
        var ns = LearnerIds.NamespaceOf(learner);
        var reference = new AmbientWaypointLab().Definition.ReferenceFor(ns);
        var selectorPolicy = reference[1].Replace("  targetRefs:\n  - kind: Service\n    group: \"\"\n    name: reviews\n", "  selector:\n    matchLabels:\n      app: reviews\n", StringComparison.Ordinal);
        Assert.NotEqual(reference[1], selectorPolicy);

        var findings = await _grading.GradeAsync("ambient-waypoint-l7", learner, [reference[0], selectorPolicy], LabGrading.AmbientWithWaypoint);

        Assert.False(findings.Passed);
        Assert.Contains(findings.All, f => !f.Ok && f.Message.Contains("uses HTTP attributes (methods) that ztunnel cannot enforce", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Waypoint_lab_without_enrolling_the_namespace_fails_check()
    {
        var learner = TutorHostFixture.NewLearner("ambwpnolabel");

        var findings = await _grading.GradeAsync("ambient-waypoint-l7", learner, new AmbientWaypointLab().Definition.ReferenceFor(LearnerIds.NamespaceOf(learner)), LabGrading.Ambient);

        Assert.False(findings.Passed);
        Assert.Contains(findings.All, f => !f.Ok && f.Message.StartsWith("reviews does not use a waypoint", StringComparison.Ordinal));
    }
}
