using System.Collections.Concurrent;

namespace IstioTutor.Bot.Tests.Hosting;

/// <summary>What the trial commands confirmed: learner id and the action's argument.</summary>
public sealed class TrialLog
{
    public ConcurrentQueue<(string Learner, string Argument)> Confirmed { get; } = new();
}
