using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// A <see cref="JournalQuery"/> as a SQL condition on <c>journal_entries</c>, criterion by criterion the same as
/// <see cref="JournalQuery.Matches"/>. SQL's NULL comparisons are false, like C#'s lifted comparisons of a missing
/// order date or tracking state, so those need no extra care; "no variants" keeps entries without an article kind.
/// </summary>
internal sealed class JournalFilter
{
    /// <summary>The order of <see cref="JournalQuery.Order"/>: most recently changed first, then record key (ordinal).</summary>
    public const string OrderBy = "ORDER BY updated_at DESC, record_key";

    private const string Tab = "connection = $connection AND kind = $kind";
    private const string ChangedToCondition = "updated_at < $changed_to";

    private readonly List<string> _conditions = [Tab];
    private readonly List<string> _window = [];
    private readonly List<JournalDriver> _drivers = [];
    private readonly List<KeyValuePair<string, object>> _parameters = [];
    private readonly Instant? _changedTo;
    private string? _statusCondition;
    private string? _textCondition;

    private JournalFilter(JournalQuery query)
    {
        _parameters.Add(new("$connection", query.Connection.Value));
        _parameters.Add(new("$kind", (long)query.Kind));
        AddStatuses(query.Statuses);
        _window.AddRange([.. Add("updated_at >= $changed_from", "$changed_from", query.ChangedFrom?.ToStored()), .. Add(ChangedToCondition, "$changed_to", query.ChangedTo?.ToStored())]);
        _changedTo = query.ChangedTo;
        AddArticleTypes(query.ArticleTypes);
        string[] orderDates = [.. Add("order_date >= $order_from", "$order_from", query.OrderDateFrom?.ToStored()), .. Add("order_date < $order_to", "$order_to", query.OrderDateTo?.ToStored())];
        if (orderDates.Length > 0)
        {
            _drivers.Add(new JournalDriver("journal_entries_order_date", orderDates, InPageOrder: false));
        }

        AddDriver("journal_entries_tracking", Add("tracking = $tracking", "$tracking", query.Tracking is { } tracking ? (long)tracking : null));
        AddText(query.Text);
        string[] tallied = _statusCondition is null ? [Tab] : [Tab, _statusCondition];
        TallyCondition = _conditions.SequenceEqual(tallied, StringComparer.Ordinal) ? string.Join(" AND ", tallied) : null;
    }

    /// <summary>The condition on <c>journal_entries</c>, without <c>WHERE</c>.</summary>
    public string Condition => string.Join(" AND ", _conditions);

    /// <summary>
    /// The condition on the rows of <see cref="Source"/> with the full-text index: the same, less the free-text
    /// criterion, which the index then decides exactly (see <see cref="AddText"/>).
    /// </summary>
    public string ConditionBesidesText => string.Join(" AND ", _conditions.Where(c => !string.Equals(c, _textCondition, StringComparison.Ordinal)));

    /// <summary>
    /// The condition on <c>journal_counts</c> when the query filters by tab and status only, so that its total is a
    /// sum of tallies; otherwise <see langword="null"/>.
    /// </summary>
    public string? TallyCondition { get; private set; }

    /// <summary>
    /// Whether the full-text index can find the matches of the free-text criterion: the trigram index needs at least
    /// three characters; shorter texts are only checked on the folded columns.
    /// </summary>
    public bool CanUseTextIndex { get; private set; }

    /// <summary>Whether the query names a tab and a free text that the full-text index decides, and nothing else.</summary>
    public bool IsTabAndIndexedTextOnly => CanUseTextIndex && _conditions.Count == 2;

    /// <summary>
    /// The ids of the entries whose key or title holds the free text, in id order, from their full-text index; of every
    /// tab (the query's condition on the entries sorts out the others).
    /// </summary>
    public const string KeyOrTitleMatches = "SELECT rowid AS text_id FROM journal_text WHERE journal_text MATCH $phrase";

    /// <summary>
    /// The ids of the tab's entries whose message holds the free text: the messages that hold it, from the full-text index
    /// of the distinct messages, and the tab's entries of each message, from the index by message.
    /// </summary>
    public const string MessageMatches = """
        SELECT e.id FROM journal_message_text AS m
        CROSS JOIN journal_entries AS e INDEXED BY journal_entries_message ON e.folded_message = m.folded AND e.connection = $connection AND e.kind = $kind
        WHERE m.journal_message_text MATCH $phrase
        """;

    /// <summary>
    /// The ids (<c>text_id</c>) of the entries whose key, title or message holds the free text, each once, in id order.
    /// The message's matches come by message rather than in id order, so SQLite sorts them before it merges: read it only
    /// for few candidates (<see cref="JournalTextRoute"/>); <see cref="TextMatchCount"/> counts all of them without.
    /// </summary>
    public const string TextMatches = $"{KeyOrTitleMatches} UNION {MessageMatches} ORDER BY text_id";

    // In a FROM clause SQLite drops the ORDER BY of a subquery joined to another table unless it has a LIMIT, and with
    // it the merge of the two lists: LIMIT -1 is no limit.
    private const string TextMatchesTable = $"({TextMatches} LIMIT -1)";

    /// <summary>The entries, and with <paramref name="viaTextIndex"/> only those the full-text indexes find for the free text.</summary>
    public static string Source(bool viaTextIndex) => viaTextIndex
        ? $"{TextMatchesTable} CROSS JOIN journal_entries ON id = text_id"
        : "journal_entries";

    /// <summary>
    /// The statement that counts the entries whose key, title or message holds the free text and that meet the rest of the
    /// condition (<see cref="ConditionBesidesText"/>), each once, without sorting: the key and title's matches, then the message's that the key and title's do not hold, each
    /// counted as it comes. With no condition but the tab (<see cref="IsTabAndIndexedTextOnly"/>) the key and title's
    /// matches are counted on the tab index by id (the planner would otherwise look every match up in the wide entry rows
    /// by rowid, twice as slow on a big tab), and the message's, already of the tab, need no entry at all.
    /// </summary>
    public string TextMatchCount => IsTabAndIndexedTextOnly
        ? $"""
            SELECT (SELECT COUNT(*) FROM ({KeyOrTitleMatches} LIMIT -1) CROSS JOIN journal_entries INDEXED BY journal_entries_tab_by_id ON id = text_id WHERE {Tab})
                + (SELECT COUNT(*) FROM ({MessageMatches}) AS message WHERE message.id NOT IN ({KeyOrTitleMatches}));
            """
        : $"""
            SELECT (SELECT COUNT(*) FROM ({KeyOrTitleMatches} LIMIT -1) CROSS JOIN journal_entries ON id = text_id WHERE {ConditionBesidesText})
                + (SELECT COUNT(*) FROM ({MessageMatches}) AS message CROSS JOIN journal_entries ON journal_entries.id = message.id
                    WHERE {ConditionBesidesText} AND message.id NOT IN ({KeyOrTitleMatches}));
            """;

    /// <summary>
    /// The indexes besides <see cref="JournalDriver.Recent"/> a page could be read from: one per criterion that has an
    /// index of its own (a status, an article kind, a tracking state, the order dates).
    /// </summary>
    public IReadOnlyList<JournalDriver> Drivers => _drivers;

    /// <summary>The condition an index decides when a page is read from it: the tab, the change-time window, and the driver's own criteria.</summary>
    /// <param name="driver">The index.</param>
    /// <param name="after">
    /// Where the page starts, when it starts after a position: the window's end is then left out when the position is
    /// before it (it follows from the position), since SQLite would otherwise bound the index range by the window's
    /// end and read every entry down to the position.
    /// </param>
    public string DrivingCondition(JournalDriver driver, JournalPosition? after = null)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var window = after is { } position && _changedTo is { } to && position.UpdatedAt < to
            ? _window.Where(c => !string.Equals(c, ChangedToCondition, StringComparison.Ordinal))
            : _window;
        return string.Join(" AND ", [Tab, .. window, .. driver.Conditions]);
    }

    /// <summary>
    /// The rest of the condition but free text, checked on each entry the index lists: the indexes in page order carry
    /// every column it names, so it needs no read of the row (<c>1</c> when nothing is left).
    /// </summary>
    public string ListedCondition(JournalDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var rest = _conditions
            .Where(c => !string.Equals(c, Tab, StringComparison.Ordinal) && !string.Equals(c, _textCondition, StringComparison.Ordinal) && !_window.Contains(c) && !driver.Conditions.Contains(c))
            .ToArray();
        return rest.Length == 0 ? "1" : string.Join(" AND ", rest);
    }

    /// <summary>The free-text criterion on the row, or <see langword="null"/> when there is none.</summary>
    public string? TextCondition => _textCondition;

    /// <summary>Translates a query.</summary>
    public static JournalFilter From(JournalQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new JournalFilter(query);
    }

    /// <summary>Adds the condition's parameters to a command.</summary>
    public SqliteCommand Bind(SqliteCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            command.With(name, value);
        }

        return command;
    }

    // The condition, when the criterion is set.
    private string[] Add(string condition, string parameter, object? value)
    {
        if (value is null)
        {
            return [];
        }

        _conditions.Add(condition);
        _parameters.Add(new(parameter, value));
        return [condition];
    }

    // An equality on an index that ends in the page order.
    private void AddDriver(string index, string[] conditions)
    {
        if (conditions.Length > 0)
        {
            _drivers.Add(new JournalDriver(index, conditions, InPageOrder: true));
        }
    }

    // One parameter per status (not a JSON list) keeps "status IN (…)" visible to the planner, which then seeks the
    // status index once per status.
    private void AddStatuses(IReadOnlyList<JournalStatus> statuses)
    {
        var distinct = statuses.Distinct().ToArray();
        if (distinct.Length == 0)
        {
            return;
        }

        var names = distinct.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"$status{i}")).ToArray();
        var condition = $"status IN ({string.Join(", ", names)})";
        _conditions.Add(condition);
        _statusCondition = condition;

        // One status lists in page order on the status index; several are one range each, read whole and sorted.
        _drivers.Add(new JournalDriver(JournalDriver.StatusIndex, [condition], InPageOrder: distinct.Length == 1));
        for (var i = 0; i < distinct.Length; i++)
        {
            _parameters.Add(new(names[i], (long)distinct[i]));
        }
    }

    private void AddArticleTypes(ArticleTypeFilter filter)
    {
        switch (filter)
        {
            case ArticleTypeFilter.MatrixParentsOnly:
                AddDriver("journal_entries_article_kind", Add("article_kind = $article_kind", "$article_kind", (long)ArticleKind.MatrixParent));
                break;
            case ArticleTypeFilter.VariantsOnly:
                AddDriver("journal_entries_article_kind", Add("article_kind = $article_kind", "$article_kind", (long)ArticleKind.Variant));
                break;
            case ArticleTypeFilter.NoVariants:
                // IS NOT, unlike <>, is true for NULL: an entry without an article kind is no variant.
                Add("article_kind IS NOT $article_kind", "$article_kind", (long)ArticleKind.Variant);
                break;
        }
    }

    // instr on the folded columns, not LIKE: LIKE folds ASCII only and treats '%' and '_' in the user's text as
    // wildcards. Three columns rather than one concatenation, so no match can span the key and the title.
    private void AddText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var folded = OrdinalIgnoreCaseFolding.Fold(text.Trim());
        _textCondition = "(instr(folded_key, $text) > 0 OR instr(folded_title, $text) > 0 OR instr(folded_message, $text) > 0)";
        _ = Add(_textCondition, "$text", folded);

        // The trigram index holds every run of three characters of the folded columns, case-sensitively, with its
        // position: a phrase of the folded text (three characters or more) matches exactly the entries with that text
        // in one column, the same as instr. Double quotes inside a phrase are written twice. FTS5 reads a query
        // string only up to a NUL character ("unterminated string"), so text holding one is left to instr.
        CanUseTextIndex = folded.EnumerateRunes().Take(3).Count() == 3 && !folded.Contains('\0', StringComparison.Ordinal);
        if (CanUseTextIndex)
        {
            _parameters.Add(new("$phrase", $"\"{folded.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
        }
    }
}
