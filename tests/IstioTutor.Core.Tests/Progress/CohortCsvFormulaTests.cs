using IstioTutor.Core.Progress.Reports;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Progress;

/// <summary>Every character a spreadsheet reads as the start of a formula is neutralised in the CSV export.</summary>
public sealed class CohortCsvFormulaTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("\n=1+1")]
    [InlineData("\uFF1D1+1")] // full-width ＝
    [InlineData("\uFF0B1")] // full-width ＋
    [InlineData("\uFF0D1")] // full-width －
    [InlineData("\uFF20SUM(A1)")] // full-width ＠
    [InlineData("\uFE661")] // small ﹦
    [InlineData(" =1+1")]
    [InlineData("\u3000=1+1")] // ideographic space before the formula
    public void Display_name_starting_like_a_formula_is_exported_as_text(string name)
    {
        var cell = NameCell(name);

        Assert.StartsWith("'", cell.TrimStart('"'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ada Lovelace")]
    [InlineData("김하나")]
    public void Ordinary_display_name_is_exported_unchanged(string name) => Assert.Equal(name, NameCell(name));

    private static string NameCell(string name)
    {
        var row = new LearnerReportRow("learner-1", name, Stage.Beginner, 0, 0, null, 0, DateTimeOffset.UnixEpoch, null, []);
        var report = new CohortReport("team", DateTimeOffset.UnixEpoch, [row], new Dictionary<Stage, int>(), [], []);
        var csv = CohortCsv.Write(report);
        var line = csv[(CohortCsv.Header.Length + 2)..];
        // The name is the second cell; quoted when it holds a comma, quote or line break.
        var afterId = line["learner-1,".Length..];
        return afterId.StartsWith('"') ? afterId[..(afterId.IndexOf("\",", 1, StringComparison.Ordinal) + 1)] : afterId[..afterId.IndexOf(',', StringComparison.Ordinal)];
    }
}
