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
}
