namespace Connect.Sdk.Journal;

/// <summary>
/// The history lines a status change needs (<see cref="IJournalStore.GetManyToChangeAsync"/>): the newest two, which
/// repeat counting compares, and every line from the newest one that ends a run of failures on, which
/// <see cref="JournalEntry.ConsecutiveFailures"/> counts back to.
/// </summary>
internal static class HistoryToChange
{
    /// <summary>The index of the first line of <paramref name="history"/> a status change needs.</summary>
    public static int Start(IReadOnlyList<JournalStatusChange> history)
    {
        var newestTwo = Math.Max(0, history.Count - 2);
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].To is not (JournalStatus.Failed or JournalStatus.Running))
            {
                return Math.Min(newestTwo, i);
            }
        }

        // Failures all the way down: the count goes on into the folded lines, so every kept line is needed.
        return 0;
    }

    /// <summary>The entry as a read to change it may return it: without the lines before <see cref="Start"/>.</summary>
    public static JournalEntry Of(JournalEntry whole)
    {
        var start = Start(whole.History);
        return start == 0 ? whole : whole with { HistoryLinesNotRead = whole.HistoryLinesNotRead + start, History = whole.History.Skip(start).ToArray() };
    }
}
