using Connect.Sdk.Testing.Time;

namespace Connect.Sdk.Http.Tests.TestDoubles;

/// <summary>
/// The tests' fake time and its driver: <see cref="WaitAwareFakeTime"/> moves on only while work waits for it,
/// straight to the next moment a timer is due, so each send is seen at the moment it was let go.
/// </summary>
internal static class FakeTime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(10);

    public static WaitAwareFakeTime Create() => new(Start);

    public static async Task<T> RunAsync<T>(this WaitAwareFakeTime time, Task<T> work, TimeSpan? limit = null)
    {
        await time.DriveAsync(work, limit ?? DefaultLimit);
        return await work;
    }

    /// <summary>Drives time until the work is done, without observing its outcome.</summary>
    public static Task RunAsync(this WaitAwareFakeTime time, Task work, TimeSpan? limit = null) => time.DriveAsync(work, limit ?? DefaultLimit);

    /// <summary>Fake time has moved on from <see cref="Start"/> by exactly the expected seconds (timers count whole milliseconds).</summary>
    public static void AssertElapsed(this WaitAwareFakeTime time, double expectedSeconds)
    {
        var expected = TimeSpan.FromSeconds(expectedSeconds);
        Assert.InRange(time.GetUtcNow() - Start, expected, expected + TimeSpan.FromMilliseconds(1));
    }
}
