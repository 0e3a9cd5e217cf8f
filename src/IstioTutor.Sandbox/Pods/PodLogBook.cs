using System.Collections.Concurrent;

namespace IstioTutor.Sandbox.Pods;

/// <summary>
/// Every container's log in the sandbox, in memory (a restart starts them afresh, as new pods would): each
/// container keeps its last <see cref="LinesPerContainer"/> lines, and at most <see cref="MaxContainers"/>
/// containers are kept (the least recently written go first).
/// </summary>
internal sealed class PodLogBook
{
    public const int LinesPerContainer = 1000;
    public const int MaxContainers = 4000;
    public const int MaxFollowersPerContainer = 8;

    private readonly ConcurrentDictionary<string, (ContainerLog Log, long Touched)> _logs = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>The container's log, created with <paramref name="startup"/> lines the first time it is asked for.</summary>
    public ContainerLog For(string ns, string pod, string container, Func<IEnumerable<LogLine>> startup)
    {
        var key = $"{ns}/{pod}/{container}";
        var touched = Interlocked.Increment(ref _clock);
        if (_logs.TryGetValue(key, out var existing))
        {
            _logs[key] = (existing.Log, touched);
            return existing.Log;
        }

        var created = new ContainerLog(LinesPerContainer);
        foreach (var line in startup())
        {
            created.Append(line);
        }

        var added = _logs.GetOrAdd(key, (created, touched)).Log;
        if (_logs.Count > MaxContainers)
        {
            foreach (var stale in _logs.OrderBy(l => l.Value.Touched).Take(_logs.Count - MaxContainers).Select(l => l.Key).ToList())
            {
                _logs.TryRemove(stale, out _);
            }
        }

        return added;
    }
}
