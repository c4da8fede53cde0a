namespace WsManSvp.Virtualization.Tests;

/// <summary>A clock that stands still until a test moves it, so times a model reports can be asserted exactly.</summary>
public sealed class SteppedClock : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
