using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Shopify.Tests.TestDoubles;

/// <summary>
/// Fake time that moves by itself exactly as far as the code waits: a timer of at most <see cref="LongestJump"/>
/// (a pacing wait, a Retry-After, a back-off) advances the clock to its due time at once, so a test takes no real
/// time and the clock shows the time the waits add up to. Longer timers (the HTTP attempt and total timeouts) stay
/// pending and fire only if the clock really gets there.
/// </summary>
public sealed class AutoAdvancingTime : TimeProvider
{
    /// <summary>The longest timer that moves the clock; the HTTP client's timeouts (30 s, 2 min) are longer.</summary>
    public static readonly TimeSpan LongestJump = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time;

    public AutoAdvancingTime(DateTimeOffset start)
    {
        _time = new FakeTimeProvider(start);
        Start = start;
    }

    public DateTimeOffset Start { get; }

    /// <summary>How far the clock has moved since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => _time.GetUtcNow() - Start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => _time.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();

    public override long GetTimestamp() => _time.GetTimestamp();

    /// <summary>Moves the clock, e.g. to let the shop's bucket fill up before a measurement.</summary>
    public void Advance(TimeSpan by) => _time.Advance(by);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _time.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime <= LongestJump)
        {
            _time.Advance(dueTime);
        }

        return timer;
    }
}
