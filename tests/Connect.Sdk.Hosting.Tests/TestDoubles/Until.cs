namespace Connect.Sdk.Hosting.Tests.TestDoubles;

/// <summary>
/// Waits for a state to hold without polling: the state is read, and if it does not hold yet, the wait is for one of
/// the signals that could change it, taken before the read so that no change between the two is missed.
/// </summary>
internal static class Until
{
    // A guard against a hang, not a timing: a state that holds is seen within milliseconds, on a machine whose load
    // holds continuations back for seconds, never for this long.
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(2);

    /// <summary>Returns once <paramref name="holds"/> is true, re-reading it whenever one of <paramref name="signals"/> completes.</summary>
    /// <param name="holds">The state waited for.</param>
    /// <param name="signals">
    /// Tasks, each pending until something happens that may make the state hold; a task that stays completed (such as
    /// a "the loop is idle" task) belongs here only while it is pending, or the wait would turn into polling.
    /// </param>
    /// <param name="describe">The state as read, for the message when it never holds.</param>
    public static async Task HoldsAsync(Func<bool> holds, Func<IEnumerable<Task>> signals, Func<string> describe)
    {
        var deadline = DateTimeOffset.UtcNow + StuckAfter;
        while (true)
        {
            var changed = signals().ToArray();
            if (holds())
            {
                return;
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (changed.Length == 0 || left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The state waited for never held: {describe()}.");
            }

            try
            {
                await Task.WhenAny(changed).WaitAsync(left);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The state waited for never held: {describe()}.");
            }
        }
    }
}
