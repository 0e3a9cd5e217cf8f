using System.Globalization;
using System.Text;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Reports;

/// <summary>
/// RFC 4180 CSV of a report, one row per learner. Display names are typed by learners, so a cell that a
/// spreadsheet could read as a formula is prefixed with an apostrophe (OWASP's CSV injection advice):
/// one starting with =, +, -, @, tab, carriage return or line feed, their full-width forms (＝ ＋ － ＠,
/// which Excel's input normalisation turns into the ASCII ones), or any of these after leading spaces.
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
        if (StartsLikeFormula(value))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>Tab, CR and LF are formula starts too: a cell holding "\t=1+1" is still read as one.</summary>
    internal static bool StartsLikeFormula(string value)
    {
        // Spreadsheets skip leading spaces (including ideographic ones) before reading a formula.
        var first = value.TrimStart(' ', '\u3000', '\u00A0');
        return first.Length > 0 && FormulaStarts.Contains(first[0]);
    }

    private static readonly HashSet<char> FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFE62', '\uFE63', '\uFE66', '\u2212'];
}
