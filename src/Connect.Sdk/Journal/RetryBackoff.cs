using NodaTime;

namespace Connect.Sdk.Journal;

/// <summary>
/// When automatic runs try a record that keeps failing again: 5 minutes after the first failure (the default stock
/// interval, so one failure costs no run), then 10, 20, 40 … minutes, doubling with every failure in a row, at
/// most 6 hours apart. A marketplace that refuses a record for a reason only a person can fix is not asked again
/// every few minutes, and a record that fails for a passing reason is still retried the same morning.
/// </summary>
internal static class RetryBackoff
{
    /// <summary>The wait after the first failure.</summary>
    public static readonly Duration First = Duration.FromMinutes(5);

    /// <summary>The longest wait.</summary>
    public static readonly Duration Cap = Duration.FromHours(6);

    /// <summary>When to try a record again that has failed <paramref name="consecutiveFailures"/> times in a row.</summary>
    public static Instant NextAttemptAt(int consecutiveFailures, Instant failedAt)
    {
        var doublings = Math.Clamp(consecutiveFailures - 1, 0, 16);
        var wait = First * (1L << doublings);
        return failedAt + (wait < Cap ? wait : Cap);
    }

    /// <summary>Marks a failed entry with its next attempt, also at the end of its message, where users read it.</summary>
    public static JournalEntry Schedule(JournalEntry failed, Instant now)
    {
        var next = NextAttemptAt(failed.ConsecutiveFailures, now);
        return failed with { NextAttemptAt = next, Message = $"{failed.Message}; next try at {next}" };
    }

    /// <summary>Whether an automatic run should leave the record alone now.</summary>
    public static bool IsWaiting(JournalEntry? entry, Instant now) =>
        entry is { Status: JournalStatus.Failed, NextAttemptAt: { } next } && next > now;
}
