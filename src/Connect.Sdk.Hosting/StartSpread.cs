using System.Text;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>
/// Spreads the start of work that becomes due at the same moment over a window: each connection and kind of work
/// gets a fixed offset, derived from a stable hash of its name. Fixed rather than random so that a connection starts
/// at the same point of the window every time (predictable in logs and tests) and processes agree on it.
/// </summary>
internal static class StartSpread
{
    /// <summary>The offset of an item within <paramref name="window"/>: zero for manual work (a user is waiting), otherwise in [0, window), in whole milliseconds.</summary>
    public static Duration OffsetOf(WorkItem item, Duration window)
    {
        if (item.Trigger == SyncTrigger.Manual || window <= Duration.Zero)
        {
            return Duration.Zero;
        }

        // Whole milliseconds: readable in logs, and exact on every clock and timer.
        var fraction = StableHash($"{item.Connection.Value}/{item.Kind}") / (double)ulong.MaxValue;
        var offset = Duration.FromMilliseconds(Math.Floor(fraction * Math.Floor(window.TotalMilliseconds)));
        return offset < window ? offset : Duration.Zero;
    }

    // FNV-1a: string.GetHashCode is randomised per process, and the offset must not change with a restart.
    private static ulong StableHash(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
