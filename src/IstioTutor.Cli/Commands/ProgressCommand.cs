using System.CommandLine;
using System.Text.Json;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Progress.Reports;
using IstioTutor.Core.Turns;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// <c>istiotutor progress [--cohort NAME] [--learner ID] [--json|--csv] [--data DIR]</c>: learner
/// progress for scripts. Whoever can read the data directory is its operator, so this door shows every
/// learner; chat doors apply the mentor rules instead.
/// </summary>
internal static class ProgressCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var cohort = new Option<string?>("--cohort") { Description = "Only the members of this cohort (with its stuck rules and assignments)." };
        var learner = new Option<string?>("--learner") { Description = "Only this learner (id, door identity like slack:U123, or unique display name)." };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object." };
        var csv = new Option<bool>("--csv") { Description = "Print one CSV row per learner." };
        var command = new Command("progress", "Learner progress and who is stuck, for mentors' scripts.") { cohort, learner, json, csv, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(json) && parse.GetValue(csv))
            {
                await Console.Error.WriteLineAsync("Choose one of --json and --csv. Nothing was printed.");
                return 2;
            }

            if (await CliHost.TryStartAsync(parse.GetValue(data)) is not { } host)
            {
                return 2;
            }

            await using (host)
            {
                var reporter = host.Get<ProgressReporter>();
                CohortReport report;
                LearnerProgress? detail = null;
                if (parse.GetValue(cohort) is { } cohortName)
                {
                    if (reporter.ForCohort(cohortName) is not { } found)
                    {
                        var known = host.Get<ICohortStore>().All().Select(c => c.Name).ToArray();
                        await Console.Error.WriteLineAsync($"--cohort: no cohort named '{cohortName}'. Known cohorts: {(known.Length == 0 ? "none" : string.Join(", ", known))}.");
                        return 2;
                    }

                    report = found;
                }
                else
                {
                    report = reporter.Everyone();
                }

                if (parse.GetValue(learner) is { } handle)
                {
                    var target = host.Get<ILearnerStore>().FindByHandle(handle);
                    var row = target is null ? null : report.Learners.FirstOrDefault(r => r.LearnerId == target.Id);
                    if (row is null)
                    {
                        await Console.Error.WriteLineAsync(target is null
                            ? $"--learner: no learner '{handle}'. Use an id, a door identity (slack:U123) or a unique display name."
                            : $"--learner: {target.Id} is not in cohort '{parse.GetValue(cohort)}'.");
                        return 2;
                    }

                    report = report with { Learners = [row] };
                    detail = host.Get<IProgressSummaries>().Get(target!.Id);
                }

                var output = parse.GetValue(json) ? Json(report, detail)
                    : parse.GetValue(csv) ? CohortCsv.Write(report).TrimEnd()
                    : Text(report) + (detail is null ? "" : Environment.NewLine + Detail(detail));
                await Console.Out.WriteLineAsync(output);
                return 0;
            }
        });
        return command;
    }

    /// <summary>The report; with --learner also that learner's lessons, quizzes and labs by name.</summary>
    private static string Json(CohortReport report, LearnerProgress? detail)
    {
        var node = JsonSerializer.SerializeToNode(report, ReportJson.Options)!.AsObject();
        if (detail is not null)
        {
            node["progress"] = JsonSerializer.SerializeToNode(new
            {
                detail.LessonsOpened,
                detail.LessonsFinished,
                Quizzes = detail.QuizScores.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => new { Lesson = q.Key, q.Value.Score, q.Value.At }),
                LabsPassed = detail.LabsPassed.OrderBy(l => l.Value).Select(l => new { Lab = l.Key, At = l.Value }),
                detail.FailingLab,
                FailingChecks = detail.FailingLabCount,
            }, ReportJson.Options);
        }

        return node.ToJsonString(ReportJson.Options);
    }

    /// <summary>Which lessons, quizzes and labs, not only how many.</summary>
    private static string Detail(LearnerProgress progress)
    {
        static string List(IEnumerable<string> items) => string.Join(", ", items) is { Length: > 0 } joined ? joined : "none";
        var lines = new List<string>
        {
            $"lessons finished: {List(progress.LessonsFinished)}",
            $"lessons opened:   {List(progress.LessonsOpened.Except(progress.LessonsFinished))}",
            $"quizzes:          {List(progress.QuizScores.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key} {Math.Round(q.Value.Score * 100)}%"))}",
            $"labs passed:      {List(progress.LabsPassed.OrderBy(l => l.Value).Select(l => $"{l.Key} ({l.Value:yyyy-MM-dd})"))}",
        };
        if (progress.FailingLab is { } failing && progress.FailingLabCount > 0)
        {
            lines.Add($"failing lab:      {failing} ({progress.FailingLabCount} checks in a row)");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Text(CohortReport report)
    {
        var lines = new List<string>
        {
            $"{(report.Cohort == "*" ? "all learners" : "cohort " + report.Cohort)}: {report.Learners.Count} learners, {report.StuckCount} stuck",
            $"{"learner",-28}{"stage",-14}{"lessons",8}{"labs",6}{"quiz",6}  {"last active",-12}stuck",
        };
        lines.AddRange(report.Learners.Select(r =>
            $"{r.LearnerId,-28}{r.Stage.ToName(),-14}{r.LessonsFinished,8}{r.LabsPassed,6}{(r.QuizAverage is { } q ? $"{Math.Round(q * 100)}%" : "-"),6}  {r.LastActiveAt:yyyy-MM-dd}  {DisplayText.Printable(string.Join("; ", r.Stuck.Select(s => s.Detail)))}"));
        return string.Join(Environment.NewLine, lines);
    }
}
