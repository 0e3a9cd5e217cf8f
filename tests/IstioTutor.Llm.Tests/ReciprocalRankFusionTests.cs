using IstioTutor.Core.Answering.Llm.Hybrid;

namespace IstioTutor.Llm.Tests;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void An_item_both_rankings_hold_beats_the_top_item_of_one_ranking()
    {
        var fused = ReciprocalRankFusion.Fuse(StringComparer.Ordinal, ["a", "b", "c"], ["c", "d"]);

        // c: 1/63 + 1/61 beats a: 1/61.
        Assert.Equal(["c", "a", "b", "d"], fused);
    }

    [Fact]
    public void Ties_keep_the_order_of_the_first_ranking()
    {
        var fused = ReciprocalRankFusion.Fuse(StringComparer.Ordinal, ["a", "b"], ["x", "y"]);

        Assert.Equal(["a", "x", "b", "y"], fused);
    }
}
