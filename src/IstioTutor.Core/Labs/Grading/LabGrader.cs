using System.Text;
using IstioTutor.Core.Guard;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Grading;

/// <summary>
/// Grades a lab in the learner's own sandbox: reads it through the guard, runs the analyzer and the lab's
/// checker (which simulates traffic), records the outcome as progress, and says what was verified and how.
/// </summary>
public sealed class LabGrader(
    LabCatalog catalog,
    GuardedMesh mesh,
    MeshAnalyzer analyzer,
    TrafficSimulator simulator,
    IProgressLog progress,
    TimeProvider clock)
{
    public async Task<CheckResult> CheckAsync(Actor actor, string labId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var lab = catalog.Find(labId ?? "") ?? throw GuardException.Input(
            "unknown-lab",
            $"There is no lab '{labId}'. Type /labs to see them.",
            $"'{labId}' 실습이 없습니다. /labs 로 목록을 보세요.");
        var snapshot = await mesh.SnapshotAsync(actor, "check", cancellationToken);
        var context = new LabContext(snapshot, analyzer.Analyze(snapshot), mesh.History(actor), simulator, mesh.IsSimulated, mesh.ClusterDescription);
        var findings = new LabFindings(actor.Lang);
        lab.Check(context, findings);

        var result = new CheckResult(lab.Definition.Id, findings.Passed, findings.All, Method(lab.Definition, context, actor.Lang));
        var failed = findings.All.Where(f => !f.Ok).Select(f => f.Message).ToList();
        progress.Record(new ProgressEvent(
            actor.LearnerId, ProgressEventKind.LabChecked, lab.Definition.Id, actor.Door, clock.GetUtcNow(),
            Passed: findings.Passed,
            Detail: findings.Passed ? $"passed on the {mesh.ClusterDescription}" : Truncate(string.Join(" | ", failed), 500)));
        return result;
    }

    private static string Method(LabDefinition lab, LabContext context, string lang)
    {
        var sb = new StringBuilder();
        var ko = lang == "ko";
        sb.Append(ko
            ? $"{context.ClusterDescription}의 {context.Namespace}에서 Istio 리소스 {context.Snapshot.IstioConfig.Count}개를 읽고 istioctl analyze 방식으로 분석했습니다"
            : $"Read {context.Snapshot.IstioConfig.Count} Istio object(s) in {context.Namespace} on the {context.ClusterDescription} and analysed them as istioctl analyze would");
        if (context.Verified.Count > 0)
        {
            sb.Append(ko ? "; 트래픽 시뮬레이터로 예측: " : "; traffic predicted by the simulator (not measured): ");
            sb.Append(string.Join("; ", context.Verified));
        }

        sb.Append('.');
        if (lab.Limits is not null)
        {
            sb.Append(' ').Append(lab.Limits.In(lang));
        }

        return sb.ToString();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
