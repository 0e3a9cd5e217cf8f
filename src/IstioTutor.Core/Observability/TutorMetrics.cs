using System.Diagnostics;
using System.Diagnostics.Metrics;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Observability;

/// <summary>
/// The tutor's own metrics, on one <see cref="Meter"/> named <see cref="MeterName"/> that hosts export
/// (the bot host serves them to Prometheus at /metrics). Turns and lab checks are counted by the turn
/// pipeline from what a turn returned; tool calls and refusals are counted by the guard and the tools
/// that decide them, so no door has to remember to count anything.
/// </summary>
public sealed class TutorMetrics
{
    public const string MeterName = "IstioTutor";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _toolCalls;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _labChecks;

    public TutorMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>("istiotutor.turns", "{turn}", "Turns handled, by door and kind (question, command, action).");
        _turnDuration = meter.CreateHistogram<double>(
            "istiotutor.turn.duration", "s", "Time from a turn's request to its result.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _toolCalls = meter.CreateCounter<long>("istiotutor.tool.calls", "{call}", "Mesh tool calls, by tool and outcome.");
        _refusals = meter.CreateCounter<long>("istiotutor.refusals", "{refusal}", "Requests the guard refused, by rule.");
        _labChecks = meter.CreateCounter<long>("istiotutor.lab.checks", "{check}", "Lab checks graded, by lab and result.");
    }

    /// <summary>One finished turn; <paramref name="kind"/> is "question", "command" or "action".</summary>
    public void TurnHandled(Door door, string kind, TimeSpan elapsed)
    {
        var tags = new TagList { { "door", DoorTag(door) }, { "kind", kind } };
        _turns.Add(1, tags);
        _turnDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>A mesh tool ran; <paramref name="outcome"/> is e.g. "ok", "refused", "error".</summary>
    public void ToolCalled(string tool, string outcome) =>
        _toolCalls.Add(1, new TagList { { "tool", tool }, { "outcome", outcome } });

    /// <summary>The guard refused something; <paramref name="rule"/> names the rule ("other-namespace", "kind-not-allowed").</summary>
    public void Refused(string rule) => _refusals.Add(1, new TagList { { "rule", rule } });

    public void LabChecked(string lab, bool passed) =>
        _labChecks.Add(1, new TagList { { "lab", lab }, { "result", passed ? "passed" : "failed" } });

    private static string DoorTag(Door door) => door.ToString().ToLowerInvariant();
}
