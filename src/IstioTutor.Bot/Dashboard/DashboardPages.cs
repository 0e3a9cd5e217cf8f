using System.Globalization;
using System.Net;
using System.Text;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Progress.Reports;
using IstioTutor.Core.Turns;

namespace IstioTutor.Bot.Dashboard;

/// <summary>
/// Server-rendered HTML for the mentor dashboard. Styling comes from one stylesheet served by the dashboard
/// itself and charts are SVG drawn here: no inline style or script, so the pages run under a strict CSP.
/// </summary>
internal static class DashboardPages
{
    public static string SignIn(string? error) => Page("Mentor sign-in", $"""
        <div class="signin panel">
        <h1>Mentor sign-in</h1>
        {(error is null ? "" : $"<p class=\"stuck\" role=\"alert\">{E(error)}</p>")}
        <form method="post" action="{DashboardEndpoints.Root}/signin">
          <label>Mentor token <input type="password" name="token" autocomplete="current-password" required></label>
          <button type="submit" class="primary">Sign in</button>
        </form>
        </div>
        """, signedIn: false);

    public static string Disabled() => Page("Mentor dashboard closed",
        "<h1>Mentor dashboard closed</h1><p>No mentor token is configured. Set <code>Dashboard:MentorToken</code> (environment <code>ISTIOTUTOR_Dashboard__MentorToken</code> or user secrets, at least 16 characters) and restart.</p>",
        signedIn: false);

    public static string Cohorts(IReadOnlyList<(Cohort Cohort, CohortReport Report)> cohorts)
    {
        var sb = new StringBuilder("<h1>Cohorts</h1>");
        if (cohorts.Count == 0)
        {
            sb.Append("<p>No cohorts yet. A mentor creates one in chat with <code>/cohort create NAME</code>.</p>");
        }
        else
        {
            sb.Append("<table><thead><tr><th>cohort</th><th>learners</th><th>stuck</th><th>join code</th><th>assignments</th></tr></thead><tbody>");
            foreach (var (c, r) in cohorts)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"<tr><td><a href=\"{CohortUrl(c.Name)}\">{E(c.Name)}</a></td><td>{r.Learners.Count}</td><td>{r.StuckCount}</td><td><code>{E(c.JoinCode)}</code></td><td>{c.Assignments.Count}</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        return Page("Cohorts", sb.ToString());
    }

    public static string Cohort(Cohort cohort, CohortReport report, LabMatrix matrix)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Cohort {E(cohort.Name)}</h1><p class=\"summary\">{report.Learners.Count} learners, {report.StuckCount} stuck. ");
        sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{CohortUrl(cohort.Name)}/report.csv\">Download CSV</a> · <a href=\"{CohortUrl(cohort.Name)}/report.json\">JSON</a></p>");
        if (cohort.Assignments.Count > 0)
        {
            sb.Append("<p>Path: ").AppendJoin(", ", cohort.Assignments.Select(a => E($"{a.Kind.ToString().ToLowerInvariant()} {a.Target} by {a.Due:yyyy-MM-dd}"))).Append("</p>");
        }

        sb.Append("<div class=\"charts\">");
        sb.Append(SvgCharts.Bars("stages", "Stage distribution",
            [.. Enum.GetValues<Stage>().Select(s => (s.ToName(), report.StageDistribution.GetValueOrDefault(s)))], "#3367d6"));
        sb.Append(SvgCharts.CumulativeLine("labs", "Labs passed over time",
            [.. report.LabsPassedPerDay.Select(d => (d.Day, d.Count))], "#0f9d58"));
        sb.Append(SvgCharts.Bars("quiz", "Quiz averages",
            [.. report.QuizAverageBuckets.Select((n, i) => ($"{i * 10}", n))], "#f4b400"));
        sb.Append("</div>");
        sb.Append(LearnerTable(report.Learners));
        sb.Append(MatrixTable(matrix));
        return Page($"Cohort {cohort.Name}", sb.ToString());
    }

    public static string Learner(Learner learner, LearnerReportRow row, LearnerProgress progress, IReadOnlyList<ProgressEvent> events)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{E(DisplayText.Name(learner.DisplayName))} <small>({E(learner.Id)})</small></h1>");
        sb.Append(CultureInfo.InvariantCulture, $"<p>Stage <b>{learner.Stage.ToName()}</b>, role {learner.Role.ToString().ToLowerInvariant()}, last active {learner.LastActiveAt:yyyy-MM-dd HH:mm} UTC. Doors: {E(string.Join(", ", learner.Identities.Select(i => i.Door.ToString().ToLowerInvariant())))}.</p>");
        foreach (var s in row.Stuck)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"stuck\">Stuck: {E(s.Detail)}</p>");
        }

        sb.Append("<h2>Quiz scores</h2>");
        sb.Append(SvgCharts.Bars("learner-quiz", "Best score per quiz (%)",
            [.. progress.QuizScores.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => (q.Key, (int)Math.Round(q.Value.Score * 100)))], "#f4b400"));
        sb.Append(CultureInfo.InvariantCulture, $"<h2>Lessons finished ({progress.LessonsFinished.Count})</h2><p>{E(string.Join(", ", progress.LessonsFinished))}</p>");
        sb.Append(CultureInfo.InvariantCulture, $"<h2>Labs passed ({progress.LabsPassed.Count})</h2><p>{E(string.Join(", ", progress.LabsPassed.Keys))}</p>");
        sb.Append("<h2>Recent activity</h2><table><thead><tr><th>when (UTC)</th><th>door</th><th>what</th><th>subject</th><th>result</th></tr></thead><tbody>");
        foreach (var e in events)
        {
            var result = e.Score is { } score ? $"{Math.Round(score * 100)}%" : e.Passed is { } p ? (p ? "passed" : "failed") : "";
            if (e.Detail is { Length: > 0 } detail)
            {
                result += " — " + detail;
            }

            sb.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{e.At:yyyy-MM-dd HH:mm}</td><td>{e.Door.ToString().ToLowerInvariant()}</td><td>{e.Kind}</td><td>{E(e.Subject)}</td><td>{E(result)}</td></tr>");
        }

        sb.Append("</tbody></table>");
        return Page(DisplayText.Name(learner.DisplayName), sb.ToString());
    }

    public static string NotFound(string what) => Page("Not found", $"<h1>Not found</h1><p>{E(what)}</p>");

    private static string LearnerTable(IReadOnlyList<LearnerReportRow> rows)
    {
        var sb = new StringBuilder("<h2>Learners</h2><div class=\"scroll panel\"><table id=\"learners\"><thead><tr><th>learner</th><th>stage</th><th>lessons</th><th>labs</th><th>quiz avg</th><th>last active</th><th>stuck</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            var quiz = r.QuizAverage is { } q ? $"{Math.Round(q * 100)}%" : "-";
            sb.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"{DashboardEndpoints.Root}/learners/{Uri.EscapeDataString(r.LearnerId)}\">{E(r.DisplayName)}</a></td><td>{r.Stage.ToName()}</td><td>{r.LessonsFinished}</td><td>{r.LabsPassed}</td><td>{quiz}</td><td>{r.LastActiveAt:yyyy-MM-dd}</td><td class=\"stuck\">{E(string.Join("; ", r.Stuck.Select(s => s.Detail)))}</td></tr>");
        }

        return sb.Append("</tbody></table></div>").ToString();
    }

    /// <summary>Learner × lab: ✓ passed (date in the tooltip), ✗N the lab failing N checks in a row, · not passed.</summary>
    private static string MatrixTable(LabMatrix matrix)
    {
        var sb = new StringBuilder("<h2>Labs by learner</h2><div class=\"scroll panel\"><table id=\"matrix\" class=\"matrix\"><thead><tr><th>learner</th>");
        foreach (var lab in matrix.Labs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th class=\"lab\" scope=\"col\">{E(lab)}</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var row in matrix.Rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><a href=\"{DashboardEndpoints.Root}/learners/{Uri.EscapeDataString(row.LearnerId)}\">{E(row.DisplayName)}</a></th>");
            foreach (var lab in matrix.Labs)
            {
                if (row.Passed.TryGetValue(lab, out var at))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<td class=\"cell passed\" data-lab=\"{E(lab)}\" title=\"{E(lab)}: passed {at:yyyy-MM-dd}\">✓</td>");
                }
                else if (row.FailingLab == lab && row.FailingCount > 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<td class=\"cell failing\" data-lab=\"{E(lab)}\" title=\"{E(lab)}: failed {row.FailingCount} times in a row\">✗{row.FailingCount}</td>");
                }
                else
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<td class=\"cell none\" data-lab=\"{E(lab)}\" title=\"{E(lab)}: not passed\">·</td>");
                }
            }

            sb.Append("</tr>");
        }

        return sb.Append("</tbody></table></div><p class=\"legend\">✓ passed · ✗N failing N checks in a row (stuck) · · not passed yet</p>").ToString();
    }

    private static string CohortUrl(string name) => $"{DashboardEndpoints.Root}/cohorts/{Uri.EscapeDataString(name)}";

    private static string Page(string title, string body, bool signedIn = true)
    {
        var nav = signedIn
            ? $"<nav><a href=\"{DashboardEndpoints.Root}\">Cohorts</a><form class=\"inline\" method=\"post\" action=\"{DashboardEndpoints.Root}/signout\"><button type=\"submit\">Sign out</button></form></nav>"
            : "";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{E(title)} · IstioTutor mentors</title><link rel=\"stylesheet\" href=\"{DashboardEndpoints.Root}/dashboard.css\"></head>"
            + $"<body><header class=\"top\"><a class=\"brand\" href=\"{DashboardEndpoints.Root}\">IstioTutor · mentors</a>{nav}</header><main>{body}</main></body></html>";
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
