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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

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
                }

                var output = parse.GetValue(json) ? JsonSerializer.Serialize(report, Json)
                    : parse.GetValue(csv) ? CohortCsv.Write(report).TrimEnd()
                    : Text(report);
                await Console.Out.WriteLineAsync(output);
                return 0;
            }
        });
        return command;
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
