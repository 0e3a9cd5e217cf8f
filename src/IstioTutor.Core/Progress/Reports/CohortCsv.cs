using System.Globalization;
using System.Text;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Reports;

/// <summary>
/// RFC 4180 CSV of a report, one row per learner. Cells that a spreadsheet would run as a formula
/// (=, +, -, @) are prefixed with an apostrophe: display names are typed by learners.
/// </summary>
public static class CohortCsv
{
    public const string Header = "learner_id,display_name,stage,lessons_finished,labs_passed,quiz_average,questions_asked,last_active,last_progress,stuck";

    public static string Write(CohortReport report)
    {
        var sb = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var r in report.Learners)
        {
            sb.AppendJoin(',',
                Cell(r.LearnerId),
                Cell(r.DisplayName),
                r.Stage.ToName(),
                r.LessonsFinished.ToString(CultureInfo.InvariantCulture),
                r.LabsPassed.ToString(CultureInfo.InvariantCulture),
                r.QuizAverage?.ToString("0.###", CultureInfo.InvariantCulture) ?? "",
                r.QuestionsAsked.ToString(CultureInfo.InvariantCulture),
                r.LastActiveAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                r.LastProgressAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "",
                Cell(string.Join("; ", r.Stuck.Select(s => s.Detail))));
            sb.Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
