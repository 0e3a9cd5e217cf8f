using System.Threading.Channels;

namespace IstioTutor.Sandbox.Pods;

/// <summary>
/// The last <see cref="PodLogBook.LinesPerContainer"/> lines of one container (older ones are dropped, as
/// the kubelet rotates), and the <c>kubectl logs -f</c> readers waiting for new ones.
/// </summary>
internal sealed class ContainerLog(int capacity)
{
    private readonly Lock gate = new();
    private readonly Queue<LogLine> lines = new();
    private readonly List<Channel<LogLine>> followers = [];

    public void Append(LogLine line)
    {
        lock (gate)
        {
            if (lines.Count == capacity)
            {
                lines.Dequeue();
            }

            lines.Enqueue(line);
            foreach (var follower in followers)
            {
                follower.Writer.TryWrite(line);
            }
        }
    }

    public IReadOnlyList<LogLine> Snapshot()
    {
        lock (gate)
        {
            return [.. lines];
        }
    }

    /// <summary>The lines so far and a reader of those to come; null when <paramref name="maxFollowers"/> already follow.</summary>
    public (IReadOnlyList<LogLine> Lines, Channel<LogLine>? Follower) Follow(int maxFollowers)
    {
        lock (gate)
        {
            if (followers.Count >= maxFollowers)
            {
                return ([.. lines], null);
            }

            // A slow reader loses the oldest unread lines rather than holding memory without bound.
            var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
            followers.Add(channel);
            return ([.. lines], channel);
        }
    }

    public void Unfollow(Channel<LogLine> follower)
    {
        lock (gate)
        {
            followers.Remove(follower);
        }
    }
}
