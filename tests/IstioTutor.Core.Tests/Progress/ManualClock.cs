namespace IstioTutor.Core.Tests.Progress;

/// <summary>A clock the test moves by hand, so "no progress for 7 days" needs no waiting.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
