using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;

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

    private readonly List<string> _conditions = ["connection = $connection", "kind = $kind"];
    private readonly List<KeyValuePair<string, object>> _parameters = [];

    private JournalFilter(JournalQuery query)
    {
        _parameters.Add(new("$connection", query.Connection.Value));
        _parameters.Add(new("$kind", (long)query.Kind));
        AddStatuses(query.Statuses);
        Add("updated_at >= $changed_from", "$changed_from", query.ChangedFrom?.ToStored());
        Add("updated_at < $changed_to", "$changed_to", query.ChangedTo?.ToStored());
        AddArticleTypes(query.ArticleTypes);
        Add("order_date >= $order_from", "$order_from", query.OrderDateFrom?.ToStored());
        Add("order_date < $order_to", "$order_to", query.OrderDateTo?.ToStored());
        Add("tracking = $tracking", "$tracking", query.Tracking is { } tracking ? (long)tracking : null);
        AddText(query.Text);
    }

    /// <summary>The condition, without <c>WHERE</c>.</summary>
    public string Condition => string.Join(" AND ", _conditions);

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

    private void Add(string condition, string parameter, object? value)
    {
        if (value is not null)
        {
            _conditions.Add(condition);
            _parameters.Add(new(parameter, value));
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
        _conditions.Add($"status IN ({string.Join(", ", names)})");
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
                Add("article_kind = $article_kind", "$article_kind", (long)ArticleKind.MatrixParent);
                break;
            case ArticleTypeFilter.VariantsOnly:
                Add("article_kind = $article_kind", "$article_kind", (long)ArticleKind.Variant);
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

        Add(
            "(instr(folded_key, $text) > 0 OR instr(folded_title, $text) > 0 OR instr(folded_message, $text) > 0)",
            "$text",
            JournalTextFolding.Fold(text.Trim()));
    }
}
