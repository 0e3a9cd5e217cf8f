using System.Threading.Channels;

namespace IstioTutor.Sandbox.Pods;

/// <summary>
/// The last <see cref="PodLogBook.LinesPerContainer"/> lines of one container (older ones are dropped, as
/// the kubelet rotates), and the <c>kubectl logs -f</c> readers waiting for new ones.
/// </summary>
internal sealed class ContainerLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<LogLine> _lines = new();
    private readonly List<Channel<LogLine>> _followers = [];

    public void Append(LogLine line)
    {
        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
            foreach (var follower in _followers)
            {
                follower.Writer.TryWrite(line);
            }
        }
    }

    public IReadOnlyList<LogLine> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    /// <summary>The lines so far and a reader of those to come; null when <paramref name="maxFollowers"/> already follow.</summary>
    public (IReadOnlyList<LogLine> Lines, Channel<LogLine>? Follower) Follow(int maxFollowers)
    {
        lock (_gate)
        {
            if (_followers.Count >= maxFollowers)
            {
                return ([.. _lines], null);
            }

            // A slow reader loses the oldest unread lines rather than holding memory without bound.
            var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
            _followers.Add(channel);
            return ([.. _lines], channel);
        }
    }

    public void Unfollow(Channel<LogLine> follower)
    {
        lock (_gate)
        {
            _followers.Remove(follower);
        }
    }
}
