using NodaTime;

namespace ErpHost;

/// <summary>
/// Time for the sample that runs faster than the wall clock, so that an hour of schedules (orders every minute,
/// stock every ten seconds) passes in a minute. The SDK reads instants from <see cref="IClock"/> and the
/// scheduler waits on <see cref="TimeProvider"/>; both are this one object, so they never disagree. A real ERP
/// host keeps the defaults: the system clock and <see cref="TimeProvider.System"/>.
/// </summary>
internal sealed class SampleTime : TimeProvider, IClock
{
    private readonly Instant _start = SystemClock.Instance.GetCurrentInstant();
    private readonly long _startTimestamp = System.GetTimestamp();
    private readonly double _speed;

    public SampleTime(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1d);
        _speed = speed;
    }

    public Instant GetCurrentInstant() => _start + Duration.FromTimeSpan(System.GetElapsedTime(_startTimestamp) * _speed);

    public override DateTimeOffset GetUtcNow() => GetCurrentInstant().ToDateTimeOffset();

    public override long GetTimestamp() => (long)(System.GetTimestamp() * _speed);

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / _speed;

    private sealed class ScaledTimer(ITimer timer, SampleTime time) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(time.Scale(dueTime), time.Scale(period));

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}
