using IstioTutor.Core.Turns;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// Draws a turn in the terminal: a preview as a panel (diff, findings, prediction, how to confirm), a lab
/// check as a table of findings, anything else as its text; citations underneath.
/// </summary>
internal static class ChatRenderer
{
    public static void Render(IAnsiConsole console, TurnResult result)
    {
        console.WriteLine();
        if (result.PendingAction is { } pending)
        {
            console.Write(Preview(result, pending));
        }
        else if (result.Check is { } check)
        {
            WriteCheck(console, check, result.Lang == "ko");
        }
        else
        {
            console.Write(new Text(result.Text));
            console.WriteLine();
        }

        foreach (var c in result.Citations)
        {
            console.MarkupLine($"[dim]  ↳ [[{c.Stage.ToName()}]] {Markup.Escape(c.LessonId)} — {Markup.Escape(c.Title)} › {Markup.Escape(c.Section)}[/]");
        }

        console.WriteLine();
    }

    private static Panel Preview(TurnResult result, PendingActionView pending)
    {
        var ko = result.Lang == "ko";
        var rows = new List<IRenderable>
        {
            new Markup($"[bold]{Markup.Escape(pending.Summary)}[/]"),
            new Text(""),
            new Markup(ko ? "[underline]차이[/]" : "[underline]Diff[/]"),
            Diff(pending.Diff),
            new Text(""),
            new Markup(ko ? "[underline]변경 적용 후 분석[/]" : "[underline]Analysis with the change applied[/]"),
        };
        rows.AddRange(pending.Findings.Count == 0
            ? [new Markup(ko ? "[green]  발견 사항 없음[/]" : "[green]  no findings[/]")]
            : pending.Findings.Select(f => (IRenderable)new Markup("[yellow]  • [/]" + Markup.Escape(f))));
        if (!string.IsNullOrWhiteSpace(pending.Prediction))
        {
            rows.Add(new Text(""));
            rows.Add(new Markup(ko ? "[underline]시뮬레이터 예측[/]" : "[underline]Simulator prediction[/]"));
            rows.Add(new Text("  " + pending.Prediction));
        }

        // Notes (e.g. a namespace filled in) travel only on the preview card, not on the pending-action picture.
        var notes = result.Cards.Where(c => c.Kind == "preview").SelectMany(c => c.Sections).Where(s => s.Heading is "Notes" or "참고" && !string.IsNullOrWhiteSpace(s.Text));
        foreach (var note in notes)
        {
            rows.Add(new Text(""));
            rows.Add(new Markup($"[underline]{Markup.Escape(note.Heading!)}[/]"));
            rows.Add(new Text("  " + note.Text));
        }

        rows.Add(new Text(""));
        var expires = pending.ExpiresAt.ToUniversalTime().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        rows.Add(new Markup(ko
            ? $"아직 아무것도 바뀌지 않았습니다. 적용하려면 [bold green]/confirm {Markup.Escape(pending.Id)}[/], 버리려면 [bold]/cancel[/] 을 입력하세요 ({expires} UTC 까지)."
            : $"Nothing has changed yet. Type [bold green]/confirm {Markup.Escape(pending.Id)}[/] to apply it or [bold]/cancel[/] to discard it (before {expires} UTC)."));
        return new Panel(new Rows(rows))
        {
            Header = new PanelHeader(Markup.Escape((ko ? "미리보기 " : "Preview ") + pending.Id)),
            Border = BoxBorder.Rounded,
            Expand = true,
        };
    }

    /// <summary>Diff lines coloured as in a terminal diff: additions green, removals red, headers dim.</summary>
    private static Rows Diff(string diff) =>
        new(diff.TrimEnd('\n').Split('\n').Select(line => (IRenderable)new Markup(line switch
        {
            _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => $"[dim]{Markup.Escape(line)}[/]",
            _ when line.StartsWith('+') => $"[green]{Markup.Escape(line)}[/]",
            _ when line.StartsWith('-') => $"[red]{Markup.Escape(line)}[/]",
            _ when line.StartsWith("@@", StringComparison.Ordinal) => $"[cyan]{Markup.Escape(line)}[/]",
            _ => Markup.Escape(line),
        })));

    private static void WriteCheck(IAnsiConsole console, CheckResult check, bool ko)
    {
        console.MarkupLine(check.Passed
            ? $"[bold green]✔ {Markup.Escape(check.Lab)}[/] " + (ko ? "통과" : "passed")
            : $"[bold red]✘ {Markup.Escape(check.Lab)}[/] " + (ko ? "아직 통과하지 못함" : "not passed yet"));
        var table = new Table { Border = TableBorder.Rounded, Expand = true };
        table.AddColumn(new TableColumn("").Width(2));
        table.AddColumn(ko ? "확인한 것" : "Finding");
        table.AddColumn(ko ? "힌트" : "Hint");
        foreach (var f in check.Findings)
        {
            table.AddRow(
                new Markup(f.Ok ? "[green]✔[/]" : "[red]✘[/]"),
                new Text(f.Message),
                new Text(f.Ok ? "" : f.Hint ?? ""));
        }

        console.Write(table);
        if (!string.IsNullOrWhiteSpace(check.Method))
        {
            console.MarkupLine($"[dim]{(ko ? "확인 방법" : "How this was checked")}: {Markup.Escape(check.Method)}[/]");
        }
    }
}
