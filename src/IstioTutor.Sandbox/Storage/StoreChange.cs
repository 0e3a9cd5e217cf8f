using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Storage;

/// <summary>
/// One committed change, as a watch reports it: the object after the change (for a deletion, the last state
/// stamped with the deletion's resourceVersion) and the one it replaced, so a filtered watch can tell an
/// object that left its selector from one that changed inside it.
/// </summary>
internal sealed record StoreChange(long Version, WatchEventType Type, string Group, string Plural, string Namespace, JsonObject Object, JsonObject? Previous);

/// <summary>The event types of a Kubernetes watch stream.</summary>
internal enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}
