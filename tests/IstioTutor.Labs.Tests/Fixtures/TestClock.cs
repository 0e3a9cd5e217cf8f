namespace IstioTutor.Labs.Tests.Fixtures;

/// <summary>The system clock plus an offset tests can move, to expire previews without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public void Reset() => _offset = TimeSpan.Zero;
}
