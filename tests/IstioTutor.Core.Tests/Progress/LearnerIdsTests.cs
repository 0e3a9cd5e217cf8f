using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Progress;

public sealed class LearnerIdsTests
{
    [Fact]
    public void A_clean_terminal_id_is_kept_as_is() =>
        Assert.Equal("alice", LearnerIds.FromChannelUser(Door.Terminal, "alice"));

    [Fact]
    public void An_id_that_needed_cleaning_gets_a_hash_so_distinct_raw_ids_stay_distinct()
    {
        var a = LearnerIds.FromChannelUser(Door.Terminal, "Alice");
        var b = LearnerIds.FromChannelUser(Door.Terminal, "ALICE");
        Assert.NotEqual(a, b);
        Assert.True(LearnerIds.IsValid(a));
    }

    [Fact]
    public void Teams_ids_become_valid_namespace_suffixes()
    {
        var id = LearnerIds.FromChannelUser(Door.Teams, "29:1xYzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnop");
        Assert.True(LearnerIds.IsValid(id));
        Assert.True(LearnerIds.NamespaceOf(id).Length <= 63);
    }
}
