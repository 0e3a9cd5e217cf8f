using System.Text;
using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Progress.Reports;
using IstioTutor.Core.Progress.Stages;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Commands;

/// <summary>/progress shows the learner's own progress and next step; /progress @learner is for mentors.</summary>
public sealed class ProgressCommand(
    ILearnerStore learners,
    IProgressSummaries summaries,
    ICohortStore cohorts,
    ProgressReporter reporter,
    ProgressAccess access,
    StageRule rule,
    TimeProvider clock) : ITurnCommand
{
    public string Name => "progress";

    public string Usage => "/progress [@learner]";

    public string Summary(string lang) => lang == "ko" ? "내 진도 보기 (멘토: @학습자 진도)" : "your progress (mentors: @learner's)";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var viewer = context.Learner;
        if (arguments.Length == 0)
        {
            return Task.FromResult(context.Reply(Own(context, viewer)));
        }

        if (viewer.Role == LearnerRole.Learner)
        {
            return Task.FromResult(context.Reply(context.T(
                "Only mentors can see another learner's progress. Type /progress (without a name) to see your own.",
                "다른 학습자의 진도는 멘토만 볼 수 있습니다. 내 진도는 /progress 만 입력하세요.")));
        }

        var target = learners.FindByHandle(arguments);
        if (target is null || !access.CanViewLearner(viewer, target.Id))
        {
            // Same answer for "no such learner" and "not yours": a mentor learns nothing about other cohorts.
            return Task.FromResult(context.Reply(context.T(
                $"No learner '{arguments}' in the cohorts you mentor. Use /cohort members NAME to see the ids.",
                $"멘토를 맡은 코호트에 '{arguments}' 학습자가 없습니다. /cohort members 이름 으로 id를 확인하세요.")));
        }

        var row = reporter.ForLearner(target.Id);
        return Task.FromResult(context.Reply(row is null ? context.T("No progress recorded yet.", "아직 기록된 진도가 없습니다.") : ReportText.Row(context, row)));
    }

    private string Own(TurnContext context, Learner learner)
    {
        var p = summaries.Get(learner.Id) ?? new LearnerProgress { LearnerId = learner.Id, Stage = learner.Stage };
        var sb = new StringBuilder();
        sb.AppendLine(context.T($"Stage: {learner.Stage.ToName()}", $"단계: {learner.Stage.ToKorean()}({learner.Stage.ToName()})"));
        sb.AppendLine(context.T($"Lessons finished ({p.LessonsFinished.Count}): ", $"마친 레슨 ({p.LessonsFinished.Count}): ") + List(p.LessonsFinished, context));
        var quizzes = p.QuizScores.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key} {ReportText.Percent(q.Value.Score)}").ToArray();
        sb.AppendLine(context.T($"Quiz scores ({quizzes.Length}): ", $"퀴즈 점수 ({quizzes.Length}): ") + List(quizzes, context));
        sb.AppendLine(context.T($"Labs passed ({p.LabsPassed.Count}): ", $"통과한 실습 ({p.LabsPassed.Count}): ") + List(p.LabsPassed.Keys.Order(StringComparer.Ordinal).ToArray(), context));
        sb.AppendLine();
        sb.Append(Next(context, learner, p));
        return sb.ToString().TrimEnd();
    }

    private string Next(TurnContext context, Learner learner, LearnerProgress p)
    {
        var sb = new StringBuilder();
        var verdict = rule.Evaluate(learner.Stage, p);
        if (verdict.Next is not { } next)
        {
            sb.AppendLine(context.T("You are at the last stage: keep practising with /labs.", "마지막 단계입니다. /labs 로 계속 연습하세요."));
        }
        else
        {
            sb.AppendLine(context.T($"To reach {next.ToName()}:", $"{next.ToKorean()} 단계로 가려면:"));
            if (verdict.MissingLabs.Count > 0)
            {
                sb.AppendLine(context.T("  - pass the labs: ", "  - 다음 실습 통과: ") + string.Join(", ", verdict.MissingLabs) + " (/lab ID)");
            }

            if (verdict.QuizzesDone < verdict.QuizzesNeeded)
            {
                var more = verdict.QuizzesNeeded - verdict.QuizzesDone;
                sb.AppendLine(context.T($"  - complete {more} more {learner.Stage.ToName()} quiz(zes) (/quiz)", $"  - {learner.Stage.ToKorean()} 퀴즈 {more}개 더 완료 (/quiz)"));
            }

            if (verdict.QuizAverage is { } avg && avg < verdict.Threshold)
            {
                sb.AppendLine(context.T(
                    $"  - raise your quiz average from {ReportText.Percent(avg)} to {ReportText.Percent(verdict.Threshold)} (retake a quiz with /quiz)",
                    $"  - 퀴즈 평균을 {ReportText.Percent(avg)}에서 {ReportText.Percent(verdict.Threshold)} 이상으로 (/quiz 로 다시 풀기)"));
            }

            if (verdict.Ready)
            {
                sb.AppendLine(context.T("  - done: you move up with your next quiz or lab check.", "  - 조건 충족: 다음 퀴즈나 실습 확인 때 올라갑니다."));
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var a in cohorts.ForLearner(learner.Id).Where(c => p.Cohorts.Contains(c.Name.ToLowerInvariant(), StringComparer.Ordinal))
                     .SelectMany(c => c.Assignments.Select(a => (c.Name, a)))
                     .Where(x => !ProgressReporter.IsDone(x.a, p))
                     .OrderBy(x => x.a.Due))
        {
            var late = a.a.Due < today ? context.T(" (overdue)", " (기한 지남)") : "";
            sb.AppendLine(context.T(
                $"Cohort {a.Name}: {a.a.Kind.ToString().ToLowerInvariant()} {a.a.Target} by {a.a.Due:yyyy-MM-dd}{late}",
                $"코호트 {a.Name}: {a.a.Target} ({a.a.Kind.ToString().ToLowerInvariant()}) 기한 {a.a.Due:yyyy-MM-dd}{late}"));
        }

        return sb.ToString();
    }

    private static string List(IReadOnlyCollection<string> items, TurnContext context) =>
        items.Count == 0 ? context.T("none yet", "아직 없음") : string.Join(", ", items);
}
