using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using IstioTutor.Mesh.Hosting;

namespace IstioTutor.Core.Turns;

/// <summary>
/// Lets one turn of a learner run at a time. A turn reads the learner record at its start and writes it
/// back at its end, so two turns at once (a double-click, two tabs, two doors) would grade one quiz
/// question twice or drop progress. The lock holds in this process (a semaphore per learner) and across
/// every process sharing the data directory (<c>istiotutor ask</c> runs as a process of its own): an
/// exclusive lock file per learner under <c>DATA/locks</c>, which the operating system releases when its
/// process dies, so a killed process never leaves a learner locked.
/// </summary>
public sealed class LearnerTurnLock(DataDirectory data) : IDisposable
{
    private const string Folder = "locks";

    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits until no other turn of <paramref name="learnerId"/> runs here or in another process; dispose the result to let the next one in.</summary>
    public async Task<IDisposable> AcquireAsync(string learnerId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(learnerId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return new Held(gate, await LockFileAsync(PathOf(learnerId), cancellationToken));
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    private string PathOf(string learnerId)
    {
        // Learner ids carry door prefixes and characters a file name must not; a hash is safe and fixed-length.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(learnerId)))[..32];
        return Path.Combine(data.Path, Folder, $"turn-{hash}.lock");
    }

    /// <summary>
    /// Opens the lock file exclusively. .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/> on
    /// Unix (a sharing lock on Windows); while another process holds it, opening fails and we poll.
    /// </summary>
    private static async Task<FileStream> LockFileAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var wait = TimeSpan.FromMilliseconds(2);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                await Task.Delay(wait, cancellationToken);
                wait = wait * 2 < LongestPoll ? wait * 2 : LongestPoll;
            }
        }
    }

    /// <summary>EWOULDBLOCK from flock on Unix (errno 11 on Linux, 35 on macOS); ERROR_SHARING_VIOLATION on Windows.</summary>
    private static bool IsHeldElsewhere(IOException e) =>
        e.HResult is 11 or 35 or unchecked((int)0x80070020);

    private sealed class Held(SemaphoreSlim gate, FileStream file) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                file.Dispose();
                gate.Release();
            }
        }
    }
}
