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
    private readonly Lock gate = new();
    private readonly List<WatchSubscription> open = [];
    private readonly Dictionary<string, int> perClient = new(StringComparer.Ordinal);

    public SandboxWatchOptions Options => options;

    public int OpenCount
    {
        get
        {
            lock (gate)
            {
                return open.Count;
            }
        }
    }

    /// <summary>Opens a watch for <paramref name="client"/>, or throws 429 when that client already holds the maximum.</summary>
    /// <param name="backlog">Events queued at once (initial state, replayed changes) on top of the queue limit.</param>
    public WatchSubscription Subscribe(ServedResource resource, string? ns, Func<System.Text.Json.Nodes.JsonObject, bool> matches, string client, int backlog = 0)
    {
        lock (gate)
        {
            var held = perClient.GetValueOrDefault(client);
            if (held >= options.MaxPerClient)
            {
                throw new StatusError(429, "TooManyRequests",
                    $"too many open watches: this client already holds {held} of the {options.MaxPerClient} the sandbox allows (Sandbox:Watch:MaxPerClient); stop a kubectl get -w or kubectl wait before starting another");
            }

            var subscription = new WatchSubscription(resource, ns, matches, client, options.QueueLimit + backlog, Release);
            perClient[client] = held + 1;
            open.Add(subscription);
            return subscription;
        }
    }

    public void Publish(IReadOnlyList<StoreChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            foreach (var subscription in open)
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
        lock (gate)
        {
            foreach (var subscription in open)
            {
                subscription.Complete();
            }
        }
    }

    private void Release(WatchSubscription subscription)
    {
        lock (gate)
        {
            if (open.Remove(subscription))
            {
                var left = perClient[subscription.Client] - 1;
                if (left == 0)
                {
                    perClient.Remove(subscription.Client);
                }
                else
                {
                    perClient[subscription.Client] = left;
                }
            }
        }
    }
}
