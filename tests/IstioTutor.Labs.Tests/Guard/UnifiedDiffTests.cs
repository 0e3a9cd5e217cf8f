using IstioTutor.Core.Guard.Diff;

namespace IstioTutor.Labs.Tests.Guard;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Changed_line_shows_as_removal_then_addition_with_context()
    {
        var diff = UnifiedDiff.Compute("a\nb\nc\n", "a\nx\nc\n", "live", "preview");

        Assert.Equal("--- live\n+++ preview\n@@ -1,3 +1,3 @@\n a\n-b\n+x\n c\n", diff);
    }

    [Fact]
    public void Identical_texts_have_no_diff() => Assert.Equal("", UnifiedDiff.Compute("a\n", "a\n", "x", "y"));

    [Fact]
    public void New_object_is_all_additions() =>
        Assert.Equal("--- /dev/null\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.Compute("", "a\nb\n", "/dev/null", "new"));

    [Fact]
    public void Deleted_object_is_all_removals() =>
        Assert.Equal("--- old\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n", UnifiedDiff.Compute("a\nb\n", "", "old", "/dev/null"));

    [Fact]
    public void A_changed_indent_is_a_change() =>
        Assert.Equal("--- live\n+++ preview\n@@ -1,2 +1,2 @@\n a:\n-  b: 1\n+    b: 1\n", UnifiedDiff.Compute("a:\n  b: 1\n", "a:\n    b: 1\n", "live", "preview"));

    [Fact]
    public void Changes_far_apart_make_separate_hunks_with_three_lines_of_context()
    {
        var before = string.Concat(Enumerable.Range(1, 30).Select(i => $"l{i}\n"));
        var after = before.Replace("l5\n", "L5\n", StringComparison.Ordinal).Replace("l25\n", "L25\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Compute(before, after, "a", "b");

        Assert.Equal("--- a\n+++ b\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n@@ -22,7 +22,7 @@\n l22\n l23\n l24\n-l25\n+L25\n l26\n l27\n l28\n", diff);
    }
}
