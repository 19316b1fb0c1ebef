using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Journal;

/// <summary>
/// A <see cref="JournalQuery"/> as a SQL condition on <c>journal_entries</c>, criterion by criterion the same as
/// <see cref="JournalQuery.Matches"/>. SQL's NULL comparisons are false, like C#'s lifted comparisons of a missing
/// order date or tracking state, so those need no extra care; "no variants" keeps entries without an article kind.
/// </summary>
internal sealed class JournalFilter
{
    /// <summary>The order of <see cref="JournalQuery.Order"/>: most recently changed first, then record key (ordinal).</summary>
    public const string OrderBy = "ORDER BY updated_at DESC, record_key";

    private readonly List<string> _conditions = ["connection = @connection AND kind = @kind"];
    private readonly List<KeyValuePair<string, object>> _parameters = [];

    private JournalFilter(JournalQuery query)
    {
        _parameters.Add(new("connection", query.Connection.Value));
        _parameters.Add(new("kind", (long)query.Kind));
        AddStatuses(query.Statuses);
        Add("updated_at >= @changed_from", "changed_from", query.ChangedFrom?.ToStored());
        Add("updated_at < @changed_to", "changed_to", query.ChangedTo?.ToStored());
        AddArticleTypes(query.ArticleTypes);
        Add("order_date >= @order_from", "order_from", query.OrderDateFrom?.ToStored());
        Add("order_date < @order_to", "order_to", query.OrderDateTo?.ToStored());
        Add("tracking = @tracking", "tracking", query.Tracking is { } tracking ? (long)tracking : null);
        AddText(query.Text);
    }

    /// <summary>The condition on <c>journal_entries</c>, without <c>WHERE</c>.</summary>
    public string Condition => string.Join(" AND ", _conditions);

    /// <summary>Translates a query.</summary>
    public static JournalFilter From(JournalQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new JournalFilter(query);
    }

    /// <summary>Adds the condition's parameters to a command.</summary>
    public NpgsqlCommand Bind(NpgsqlCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            command.With(name, value);
        }

        return command;
    }

    private void Add(string condition, string parameter, object? value)
    {
        if (value is not null)
        {
            _conditions.Add(condition);
            _parameters.Add(new(parameter, value));
        }
    }

    // One parameter per status keeps "status IN (…)" visible to the planner, which then seeks the status index per status.
    private void AddStatuses(IReadOnlyList<JournalStatus> statuses)
    {
        var distinct = statuses.Distinct().ToArray();
        if (distinct.Length == 0)
        {
            return;
        }

        var names = distinct.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"status{i}")).ToArray();
        _conditions.Add($"status IN ({string.Join(", ", names.Select(n => "@" + n))})");
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
                Add("article_kind = @article_kind", "article_kind", (long)ArticleKind.MatrixParent);
                break;
            case ArticleTypeFilter.VariantsOnly:
                Add("article_kind = @article_kind", "article_kind", (long)ArticleKind.Variant);
                break;
            case ArticleTypeFilter.NoVariants:
                // IS DISTINCT FROM, unlike <>, is true for NULL: an entry without an article kind is no variant.
                Add("article_kind IS DISTINCT FROM @article_kind", "article_kind", (long)ArticleKind.Variant);
                break;
        }
    }

    // LIKE '%text%' on the folded columns, case-sensitively (the folding made it ignore case the way OrdinalIgnoreCase
    // does), with the user's '%', '_' and '\' escaped so they match themselves. pg_trgm's GIN indexes answer such a LIKE
    // of three characters or more without reading every entry; shorter texts are checked row by row. Three columns
    // rather than one concatenation, so no match can span the key and the title.
    private void AddText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        // The journal stores a NUL character as U+FFFD (PostgreSQL's text holds none), so it is searched as one.
        var folded = OrdinalIgnoreCaseFolding.Fold(JournalText.Storable(text.Trim())!);

        var pattern = "%" + folded
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        Add("(folded_key LIKE @text OR folded_title LIKE @text OR folded_message LIKE @text)", "text", pattern);
    }
}
