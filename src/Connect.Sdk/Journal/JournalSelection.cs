namespace Connect.Sdk.Journal;

/// <summary>
/// What a bulk action applies to: a set of records ticked on a page, or every entry matching a filter,
/// across all pages ("alle Datensätze, die den Filterkriterien entsprechen").
/// </summary>
public sealed class JournalSelection
{
    private JournalSelection(IReadOnlyList<string>? recordKeys, JournalQuery? filter)
    {
        RecordKeys = recordKeys;
        Filter = filter;
    }

    /// <summary>The records chosen one by one, or <see langword="null"/> for a filter selection.</summary>
    public IReadOnlyList<string>? RecordKeys { get; }

    /// <summary>The filter whose every match is selected, or <see langword="null"/> for a key selection.</summary>
    public JournalQuery? Filter { get; }

    /// <summary>Selects records by key (article numbers or order numbers).</summary>
    /// <param name="recordKeys">The keys; duplicates are ignored.</param>
    /// <returns>The selection.</returns>
    public static JournalSelection Of(params IEnumerable<string> recordKeys)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        return new(recordKeys.Distinct(StringComparer.Ordinal).ToArray(), null);
    }

    /// <summary>Selects every entry matching a filter, on every page.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>The selection.</returns>
    public static JournalSelection Matching(JournalQuery filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(null, filter);
    }

    /// <inheritdoc />
    public override string ToString() => RecordKeys is { } keys ? $"{keys.Count} record(s)" : $"every entry matching the filter";
}
