using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Storage;

namespace IstioTutor.Sandbox.Watching;

/// <summary>
/// The open watches of one sandbox server, and the per-client bound on them. Changes are offered under the
/// API's lock, right after they are committed, and subscriptions are made under the same lock after the
/// initial state was read, so a watch neither misses nor repeats a change.
/// </summary>
internal sealed class WatchHub(SandboxWatchOptions options)
{
    private readonly Lock _gate = new();
    private readonly List<WatchSubscription> _open = [];
    private readonly Dictionary<string, int> _perClient = new(StringComparer.Ordinal);

    public SandboxWatchOptions Options => options;

    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>Opens a watch for <paramref name="client"/>, or throws 429 when that client already holds the maximum.</summary>
    /// <param name="backlog">Events queued at once (initial state, replayed changes) on top of the queue limit.</param>
    public WatchSubscription Subscribe(ServedResource resource, string? ns, Func<System.Text.Json.Nodes.JsonObject, bool> matches, string client, int backlog = 0)
    {
        lock (_gate)
        {
            var held = _perClient.GetValueOrDefault(client);
            if (held >= options.MaxPerClient)
            {
                throw new StatusError(429, "TooManyRequests",
                    $"too many open watches: this client already holds {held} of the {options.MaxPerClient} the sandbox allows (Sandbox:Watch:MaxPerClient); stop a kubectl get -w or kubectl wait before starting another");
            }

            var subscription = new WatchSubscription(resource, ns, matches, client, options.QueueLimit + backlog, Release);
            _perClient[client] = held + 1;
            _open.Add(subscription);
            return subscription;
        }
    }

    public void Publish(IReadOnlyList<StoreChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var subscription in _open)
            {
                foreach (var change in changes)
                {
                    subscription.Offer(change);
                }
            }
        }
    }

    /// <summary>Ends every open watch (their streams finish what is queued and close), so the server can stop at once.</summary>
    public void CloseAll()
    {
        lock (_gate)
        {
            foreach (var subscription in _open)
            {
                subscription.Complete();
            }
        }
    }

    private void Release(WatchSubscription subscription)
    {
        lock (_gate)
        {
            if (_open.Remove(subscription))
            {
                var left = _perClient[subscription.Client] - 1;
                if (left == 0)
                {
                    _perClient.Remove(subscription.Client);
                }
                else
                {
                    _perClient[subscription.Client] = left;
                }
            }
        }
    }
}
