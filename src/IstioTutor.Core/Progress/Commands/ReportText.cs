using System.Text;
using IstioTutor.Core.Progress.Reports;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Commands;

/// <summary>Plain-text rendering of report rows for chat replies (every door shows text).</summary>
internal static class ReportText
{
    /// <summary>"85%" in every culture (the invariant culture would print "85 %").</summary>
    public static string Percent(double fraction) => $"{Math.Round(fraction * 100):0}%";

    public static string Row(TurnContext context, LearnerReportRow r)
    {
        var quiz = r.QuizAverage is { } q ? Percent(q) : "-";
        var sb = new StringBuilder();
        sb.Append(context.T(
            $"{r.DisplayName} ({r.LearnerId}): {r.Stage.ToName()}, lessons {r.LessonsFinished}, labs {r.LabsPassed}, quiz avg {quiz}, last active {r.LastActiveAt:yyyy-MM-dd}",
            $"{r.DisplayName} ({r.LearnerId}): {r.Stage.ToKorean()}, 레슨 {r.LessonsFinished}, 실습 {r.LabsPassed}, 퀴즈 평균 {quiz}, 최근 활동 {r.LastActiveAt:yyyy-MM-dd}"));
        foreach (var s in r.Stuck)
        {
            sb.Append(context.T("\n    stuck: ", "\n    막힘: ")).Append(DisplayText.Printable(s.Detail));
        }

        return sb.ToString();
    }

    public static string Cohort(TurnContext context, CohortReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(context.T(
            $"Cohort {report.Cohort}: {report.Learners.Count} learners, {report.StuckCount} stuck. Beginner {report.StageDistribution[Stage.Beginner]}, intermediate {report.StageDistribution[Stage.Intermediate]}, advanced {report.StageDistribution[Stage.Advanced]}.",
            $"코호트 {report.Cohort}: 학습자 {report.Learners.Count}명, 막힌 학습자 {report.StuckCount}명. 초급 {report.StageDistribution[Stage.Beginner]}, 중급 {report.StageDistribution[Stage.Intermediate]}, 고급 {report.StageDistribution[Stage.Advanced]}."));
        foreach (var row in report.Learners.Take(50))
        {
            sb.Append("- ").AppendLine(Row(context, row));
        }

        if (report.Learners.Count > 50)
        {
            sb.AppendLine(context.T(
                $"... and {report.Learners.Count - 50} more: see the mentor dashboard or `istiotutor progress --cohort {report.Cohort}`.",
                $"... 외 {report.Learners.Count - 50}명: 멘토 대시보드나 `istiotutor progress --cohort {report.Cohort}` 를 보세요."));
        }

        return sb.ToString().TrimEnd();
    }
}
