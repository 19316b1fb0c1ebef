namespace Connect.Sdk.Journal;

/// <summary>
/// The most history lines an entry keeps as they are. Past it, the oldest lines are folded into the entry's
/// <see cref="JournalEntry.EarlierHistory"/> a fifth of the bound at a time, so that an entry changing every run
/// neither grows without end nor rewrites its history on every change.
/// </summary>
internal sealed class JournalHistoryBound
{
    /// <summary>The default bound: a week of a record failing twice a day with a new message stays visible line by line.</summary>
    public const int DefaultMaxLines = 50;

    /// <summary>The smallest bound: repeats are counted on the last two lines, which must survive a fold.</summary>
    public const int MinMaxLines = 10;

    /// <summary>The largest bound: every read of an entry reads its whole kept history.</summary>
    public const int MaxMaxLines = 10_000;

    /// <summary>Creates the bound.</summary>
    /// <param name="maxLines">The most lines kept; between <see cref="MinMaxLines"/> and <see cref="MaxMaxLines"/>.</param>
    public JournalHistoryBound(int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, MinMaxLines);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLines, MaxMaxLines);
        MaxLines = maxLines;
        LinesAfterFold = maxLines - (maxLines / 5);
    }

    /// <summary>The most lines an entry keeps as they are.</summary>
    public int MaxLines { get; }

    /// <summary>How many of the newest lines a fold keeps: four fifths of the bound.</summary>
    public int LinesAfterFold { get; }

    /// <summary>
    /// Whether the entry, read without its older lines (<see cref="JournalEntry.HistoryLinesNotRead"/>), has grown past the
    /// bound: folding reads the lines it folds, so its whole history must be read first.
    /// </summary>
    public bool NeedsWholeHistory(JournalEntry entry) => entry.HistoryLinesNotRead > 0 && entry.HistoryLinesNotRead + entry.History.Count > MaxLines;

    /// <summary>Returns the entry as is while its history is within the bound, otherwise with its oldest lines folded.</summary>
    /// <exception cref="InvalidOperationException">The entry must be folded but was read without its older lines (<see cref="NeedsWholeHistory"/>).</exception>
    public JournalEntry Apply(JournalEntry entry)
    {
        if (NeedsWholeHistory(entry))
        {
            throw new InvalidOperationException($"Journal entry {entry.Key} must be folded, but was read without its {entry.HistoryLinesNotRead} older lines.");
        }

        var history = entry.History;
        if (history.Count <= MaxLines)
        {
            return entry;
        }

        var fold = history.Count - LinesAfterFold;
        return entry with
        {
            EarlierHistory = JournalHistorySummary.Fold(entry.EarlierHistory, history, fold),
            History = history.Skip(fold).ToArray(),
        };
    }
}
