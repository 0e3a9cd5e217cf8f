using IstioTutor.Bot.Channels;
using IstioTutor.Bot.Rendering;

namespace IstioTutor.Bot.Tests.Rendering;

public sealed class MarkdownBlocksTests
{
    [Fact]
    public void Wrapped_lesson_lines_join_into_one_paragraph_line()
    {
        var blocks = MarkdownBlocks.Parse("mTLS tells a workload **who** is calling, and an AuthorizationPolicy decides\nwhat that caller may do.");

        var paragraph = Assert.IsType<MarkdownParagraph>(Assert.Single(blocks));
        Assert.Equal(["mTLS tells a workload **who** is calling, and an AuthorizationPolicy decides what that caller may do."], paragraph.Lines);
    }

    [Fact]
    public void Lines_that_end_a_statement_keep_their_break()
    {
        var paragraph = Assert.IsType<MarkdownParagraph>(Assert.Single(MarkdownBlocks.Parse("Welcome to IstioTutor.\nAsk any question.")));

        Assert.Equal(["Welcome to IstioTutor.", "Ask any question."], paragraph.Lines);
    }

    [Fact]
    public void Indented_list_continuations_join_their_item_and_check_marks_are_items()
    {
        var list = Assert.IsType<MarkdownList>(Assert.Single(MarkdownBlocks.Parse("- first item\n  continues here\n✘ route missing — add it\n3. third")));

        Assert.Equal(["first item continues here", "✘ route missing — add it", "third"], list.Items.Select(i => i.Text));
        Assert.Equal(["•", "•", "3."], list.Items.Select(i => i.Marker));
    }

    [Fact]
    public void Code_keeps_its_indentation_and_stays_between_the_paragraphs_around_it()
    {
        var blocks = MarkdownBlocks.Parse("Before.\n\n```yaml\nspec:\n  hosts:\n  - reviews\n```\n\nAfter.");

        Assert.Collection(
            blocks,
            b => Assert.IsType<MarkdownParagraph>(b),
            b => Assert.Equal(new MarkdownCode("yaml", "spec:\n  hosts:\n  - reviews"), b),
            b => Assert.IsType<MarkdownParagraph>(b));
    }

    [Fact]
    public void Pipe_tables_become_header_and_rows()
    {
        var table = Assert.IsType<MarkdownTable>(Assert.Single(MarkdownBlocks.Parse("| mode | meaning |\n|---|---|\n| STRICT | mTLS only |\n| PERMISSIVE | both |")));

        Assert.Equal(["mode", "meaning"], table.Header);
        Assert.Equal(["PERMISSIVE", "both"], table.Rows[1]);
    }

    [Fact]
    public void Slack_bold_and_code_next_to_hangul_get_a_space_and_angle_brackets_are_escaped()
    {
        Assert.Equal("*굵게* 입니다", SlackMrkdwn.Inline("**굵게**입니다"));
        Assert.Equal("`ratings` 를 호출", SlackMrkdwn.Inline("`ratings`를 호출"));
        Assert.Equal("*`istio-init` init container* runs", SlackMrkdwn.Inline("**`istio-init` init container** runs"));
        Assert.Equal("`&lt;namespace&gt;/sa/&lt;name&gt;` &amp; more", SlackMrkdwn.Inline("`<namespace>/sa/<name>` & more"));
    }

    [Fact]
    public void Slack_spells_registered_commands_with_an_exclamation_mark_and_leaves_paths_alone()
    {
        var commands = new SlackCommands(new HashSet<string>(["help", "confirm", "lesson"]));

        Assert.Equal("Type !confirm p-1 or `!help`; paths /ratings/* and /lessons-not-a-command stay.", commands.Spell("Type /confirm p-1 or `/help`; paths /ratings/* and /lessons-not-a-command stay."));
    }
}
