using NodaTime;
using NodaTime.Text;

namespace ErpHost;

/// <summary>
/// Time for the sample that runs faster than the wall clock, so that an hour of schedules (orders every minute,
/// stock every ten seconds) passes in a minute. The SDK reads instants from <see cref="IClock"/> and the
/// scheduler waits on <see cref="TimeProvider"/>; both are this one object, so they never disagree. A real ERP
/// host keeps the defaults: the system clock and <see cref="TimeProvider.System"/>.
/// </summary>
/// <remarks>
/// Sample time runs ahead of the wall clock, so a second run on the same store resumes from where the first one got
/// to (a small file beside the store) instead of going back in time: the store's cursors, leases and journal times
/// stay in order.
/// </remarks>
internal sealed class SampleTime : TimeProvider, IClock
{
    private readonly Instant _start;
    private readonly long _startTimestamp = System.GetTimestamp();
    private readonly double _speed;
    private readonly string _file;

    private SampleTime(double speed, Instant start, string file)
    {
        _speed = speed;
        _start = start;
        _file = file;
    }

    /// <summary>Starts sample time at the wall clock, or where an earlier run on the same store left it if that is later.</summary>
    public static SampleTime Resume(string file, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1d);
        var now = SystemClock.Instance.GetCurrentInstant();
        var earlier = File.Exists(file) && InstantPattern.ExtendedIso.Parse(File.ReadAllText(file).Trim()) is { Success: true } parsed
            ? parsed.Value
            : now;
        return new SampleTime(speed, Instant.Max(now, earlier), file);
    }

    /// <summary>Remembers how far sample time got, for the next run on the same store.</summary>
    public void Save() => File.WriteAllText(_file, InstantPattern.ExtendedIso.Format(GetCurrentInstant()));

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
