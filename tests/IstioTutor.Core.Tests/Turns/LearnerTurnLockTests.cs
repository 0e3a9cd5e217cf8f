using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Hosting;

namespace IstioTutor.Core.Tests.Turns;

/// <summary>
/// Two lock instances over one data directory stand for two processes (each has its own semaphores), so
/// only the lock file keeps their turns apart.
/// </summary>
public sealed class LearnerTurnLockTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("istiotutor-turnlock-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_second_process_waits_for_the_first_turn_of_the_same_learner_to_end()
    {
        using var first = new LearnerTurnLock(new DataDirectory(_root));
        using var second = new LearnerTurnLock(new DataDirectory(_root));

        var held = await first.AcquireAsync("terminal:alice", CancellationToken.None);
        var waiting = second.AcquireAsync("terminal:alice", CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "the second process entered while the first turn still held the learner");

        held.Dispose();
        using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Turns_of_different_learners_do_not_wait_for_each_other()
    {
        using var first = new LearnerTurnLock(new DataDirectory(_root));
        using var second = new LearnerTurnLock(new DataDirectory(_root));

        using var alice = await first.AcquireAsync("terminal:alice", CancellationToken.None);
        using var bob = await second.AcquireAsync("terminal:bob", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_waiting_turn_gives_up_when_cancelled_and_leaves_the_lock_usable()
    {
        using var turnLock = new LearnerTurnLock(new DataDirectory(_root));
        var held = await turnLock.AcquireAsync("web:carol", CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turnLock.AcquireAsync("web:carol", cancel.Token));

        held.Dispose();
        using var again = await turnLock.AcquireAsync("web:carol", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
