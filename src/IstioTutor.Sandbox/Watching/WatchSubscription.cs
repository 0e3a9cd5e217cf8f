using System.Text.Json.Nodes;
using System.Threading.Channels;
using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Storage;

namespace IstioTutor.Sandbox.Watching;

/// <summary>
/// One open watch: which objects it follows and the events waiting to be sent. A watcher that falls more
/// than the queue limit behind is ended (its channel completes), as kube-apiserver ends slow watchers; the
/// client lists again.
/// </summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Channel<WatchEvent> _channel;
    private readonly Func<JsonObject, bool> _matches;
    private readonly Action<WatchSubscription> _release;

    public WatchSubscription(ServedResource resource, string? ns, Func<JsonObject, bool> matches, string client, int queueLimit, Action<WatchSubscription> release)
    {
        Resource = resource;
        Namespace = ns;
        Client = client;
        _matches = matches;
        _release = release;
        _channel = Channel.CreateBounded<WatchEvent>(new BoundedChannelOptions(queueLimit) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });
    }

    public ServedResource Resource { get; }

    public string? Namespace { get; }

    public string Client { get; }

    public ChannelReader<WatchEvent> Events => _channel.Reader;

    /// <summary>Queues the events this change means for this watch (none, or one ADDED/MODIFIED/DELETED).</summary>
    public void Offer(StoreChange change)
    {
        if (change.Group != Resource.Group || change.Plural != Resource.Plural || (Namespace is not null && change.Namespace != Namespace))
        {
            return;
        }

        var now = _matches(change.Object);
        var before = change.Previous is not null && _matches(change.Previous);
        var type = change.Type switch
        {
            WatchEventType.Deleted => before ? "DELETED" : null,
            WatchEventType.Added => now ? "ADDED" : null,
            _ when now && before => "MODIFIED",
            _ when now => "ADDED",
            _ when before => "DELETED",
            _ => null,
        };
        if (type is not null)
        {
            // A copy made under the API's lock: stored objects are only ever read under it.
            Offer(new WatchEvent(type, change.Object.DeepClone().AsObject()));
        }
    }

    public void Offer(WatchEvent e)
    {
        if (!_channel.Writer.TryWrite(e))
        {
            _channel.Writer.TryComplete();
        }
    }

    /// <summary>No more events: the stream ends once it has sent what is queued.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _release(this);
    }
}

/// <summary>A watch event before it is rendered for the client: its type and the stored object.</summary>
internal sealed record WatchEvent(string Type, JsonObject Object);
