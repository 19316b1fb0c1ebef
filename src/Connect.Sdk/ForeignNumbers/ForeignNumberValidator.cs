using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// Checks foreign-number rows against the connector's rules, the ERP's articles and the connection's stored
/// foreign numbers, turning each into a mapping to write or into issues that name the row.
/// </summary>
internal sealed class ForeignNumberValidator(ForeignNumberRules rules, IForeignNumberStore store, IArticleCatalog catalog)
{
    internal const string ArticleNumberField = "article_number";
    internal const string LabelField = "label";
    internal const string ForeignNumberField = "foreign_number";

    /// <summary>Checks the rows; writes nothing.</summary>
    /// <param name="connection">The connection the foreign numbers are for.</param>
    /// <param name="connector">The connection's connector, whose rules apply.</param>
    /// <param name="rows">The rows, in the order the user gave them.</param>
    /// <param name="refuseAmbiguous">
    /// Whether rows that contradict each other (one foreign number for several articles, several values under one
    /// label for one article) are all refused, as a migration needs; otherwise the first of them wins.
    /// </param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The mappings to write and the issues.</returns>
    public async ValueTask<ForeignNumberValidation> ValidateAsync(
        ConnectionId connection,
        ConnectorId connector,
        IReadOnlyList<ForeignNumberRow> rows,
        bool refuseAmbiguous,
        CancellationToken cancellationToken)
    {
        var issues = new List<ForeignNumberIssue>();
        var scheme = rules.Find(connector);
        if (scheme is null)
        {
            if (rows.Count > 0)
            {
                issues.Add(new(null, null, ForeignNumberIssueKind.UnknownConnector, null,
                    $"connector '{connector}' of connection {connection} has no foreign-number rules; add them to ForeignNumberRules with With or WithIdentity"));
            }

            return new([], issues);
        }

        if (scheme.IsIdentity)
        {
            issues.AddRange(rows.Select(row => new ForeignNumberIssue(row.LineNumber, Trimmed(row.ArticleNumber), ForeignNumberIssueKind.IdentityRule, ForeignNumberField,
                $"connector '{connector}' uses no foreign numbers: {scheme.IdentityDescription}")));
            return new([], issues);
        }

        var candidates = new List<(ForeignNumberRow Row, ForeignNumberMapping Mapping)>();
        var articles = new Dictionary<string, Article?>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var rowIssues = new List<ForeignNumberIssue>();
            var mapping = await CheckRowAsync(connection, scheme, row, articles, rowIssues, cancellationToken).ConfigureAwait(false);
            issues.AddRange(rowIssues);
            if (mapping is not null)
            {
                candidates.Add((row, mapping));
            }
        }

        var unambiguous = refuseAmbiguous ? RefuseAmbiguousGroups(candidates, issues) : candidates;
        var accepted = RefuseDuplicatesInBatch(unambiguous, issues);
        var valid = await RefuseTakenForeignNumbersAsync(connection, accepted, issues, cancellationToken).ConfigureAwait(false);
        return new(valid, issues);
    }

    private async ValueTask<ForeignNumberMapping?> CheckRowAsync(
        ConnectionId connection,
        ForeignNumberScheme scheme,
        ForeignNumberRow row,
        Dictionary<string, Article?> articles,
        List<ForeignNumberIssue> issues,
        CancellationToken cancellationToken)
    {
        var articleNumber = Trimmed(row.ArticleNumber);
        var labelText = Trimmed(row.Label);
        var value = Trimmed(row.Value);
        void Refuse(ForeignNumberIssueKind kind, string field, string reason) => issues.Add(new(row.LineNumber, articleNumber, kind, field, reason));

        Article? article = null;
        if (articleNumber.Length == 0)
        {
            Refuse(ForeignNumberIssueKind.EmptyArticleNumber, ArticleNumberField, "the article number is empty");
        }
        else
        {
            if (!articles.TryGetValue(articleNumber, out article))
            {
                article = await catalog.FindAsync(articleNumber, cancellationToken).ConfigureAwait(false);
                articles.Add(articleNumber, article);
            }

            if (article is null)
            {
                Refuse(ForeignNumberIssueKind.UnknownArticle, ArticleNumberField, $"the ERP has no article {articleNumber}");
            }
        }

        ForeignNumberRule? rule = null;
        if (labelText.Length == 0)
        {
            Refuse(ForeignNumberIssueKind.EmptyLabel, LabelField, $"the label is empty; {scheme.Connector} uses {ForeignNumberScheme.DescribeLabels(scheme.Rules)}");
        }
        else
        {
            rule = scheme.FindRule(new ForeignNumberLabel(labelText));
            if (rule is null)
            {
                Refuse(ForeignNumberIssueKind.UnknownLabel, LabelField,
                    $"label '{labelText}' is not used by {scheme.Connector} (connection {connection}); allowed: {ForeignNumberScheme.DescribeLabels(scheme.Rules)}");
            }
            else if (article is not null && !rule.AppliesTo(article.Kind))
            {
                Refuse(ForeignNumberIssueKind.LabelNotForArticleKind, LabelField, DescribeKindMismatch(scheme, rule, article));
            }
        }

        if (value.Length == 0)
        {
            Refuse(ForeignNumberIssueKind.EmptyForeignNumber, ForeignNumberField, "the foreign number is empty");
        }
        else if (value.Any(char.IsControl))
        {
            Refuse(ForeignNumberIssueKind.InvalidForeignNumber, ForeignNumberField, "the foreign number holds a line break or another control character");
        }

        return issues.Count == 0 && article is not null && rule is not null
            ? new ForeignNumberMapping(connection, article.Number, new ForeignNumber(rule.Label, value))
            : null;
    }

    // Which of the contradicting rows is meant cannot be known, so none of them is written; each names the others' lines.
    private static List<(ForeignNumberRow Row, ForeignNumberMapping Mapping)> RefuseAmbiguousGroups(
        List<(ForeignNumberRow Row, ForeignNumberMapping Mapping)> candidates,
        List<ForeignNumberIssue> issues)
    {
        var refused = new HashSet<ForeignNumberRow>();
        foreach (var group in candidates.GroupBy(c => c.Mapping.ForeignNumber))
        {
            var articles = group.Select(c => c.Mapping.ArticleNumber).Distinct(StringComparer.Ordinal).ToArray();
            if (articles.Length < 2)
            {
                continue;
            }

            foreach (var (row, mapping) in group.Where(c => refused.Add(c.Row)))
            {
                issues.Add(new(row.LineNumber, mapping.ArticleNumber, ForeignNumberIssueKind.DuplicateForeignNumber, ForeignNumberField,
                    $"{mapping.ForeignNumber.Label} '{mapping.ForeignNumber.Value}' is given to articles {string.Join(", ", articles)}{Lines(group)}; a foreign number identifies one article, so none of them is written"));
            }
        }

        foreach (var group in candidates.GroupBy(c => (c.Mapping.ArticleNumber, c.Mapping.ForeignNumber.Label)))
        {
            var values = group.Select(c => c.Mapping.ForeignNumber.Value).Distinct(StringComparer.Ordinal).ToArray();
            if (values.Length < 2)
            {
                continue;
            }

            foreach (var (row, mapping) in group.Where(c => refused.Add(c.Row)))
            {
                issues.Add(new(row.LineNumber, mapping.ArticleNumber, ForeignNumberIssueKind.DuplicateLabelForArticle, LabelField,
                    $"label '{mapping.ForeignNumber.Label}' is given {values.Length} values for article {mapping.ArticleNumber} ({string.Join(", ", values.Select(v => $"'{v}'"))}){Lines(group)}; none of them is written"));
            }
        }

        return candidates.Where(c => !refused.Contains(c.Row)).ToList();
    }

    private static string Lines(IEnumerable<(ForeignNumberRow Row, ForeignNumberMapping Mapping)> group)
    {
        var lines = group.Select(c => c.Row.LineNumber).OfType<int>().ToArray();
        return lines.Length == 0 ? string.Empty : $" on lines {string.Join(", ", lines)}";
    }

    // The first row wins; later rows that contradict it are reported with a pointer to it.
    private static List<(ForeignNumberRow Row, ForeignNumberMapping Mapping)> RefuseDuplicatesInBatch(
        List<(ForeignNumberRow Row, ForeignNumberMapping Mapping)> candidates,
        List<ForeignNumberIssue> issues)
    {
        var byArticleLabel = new Dictionary<(string, ForeignNumberLabel), ForeignNumberRow>();
        var byForeignNumber = new Dictionary<ForeignNumber, (ForeignNumberRow Row, string ArticleNumber)>();
        var accepted = new List<(ForeignNumberRow Row, ForeignNumberMapping Mapping)>();
        foreach (var (row, mapping) in candidates)
        {
            var label = mapping.ForeignNumber.Label;
            if (byArticleLabel.TryGetValue((mapping.ArticleNumber, label), out var first))
            {
                issues.Add(new(row.LineNumber, mapping.ArticleNumber, ForeignNumberIssueKind.DuplicateLabelForArticle, LabelField,
                    $"label '{label}' is given twice for article {mapping.ArticleNumber}{Where(first)}"));
                continue;
            }

            if (byForeignNumber.TryGetValue(mapping.ForeignNumber, out var owner))
            {
                issues.Add(new(row.LineNumber, mapping.ArticleNumber, ForeignNumberIssueKind.DuplicateForeignNumber, ForeignNumberField,
                    $"{label} '{mapping.ForeignNumber.Value}' is also given to article {owner.ArticleNumber}{Where(owner.Row)}; a foreign number identifies one article"));
                continue;
            }

            byArticleLabel.Add((mapping.ArticleNumber, label), row);
            byForeignNumber.Add(mapping.ForeignNumber, (row, mapping.ArticleNumber));
            accepted.Add((row, mapping));
        }

        return accepted;
    }

    private async ValueTask<List<(ForeignNumberRow Row, ForeignNumberMapping Mapping)>> RefuseTakenForeignNumbersAsync(
        ConnectionId connection,
        List<(ForeignNumberRow Row, ForeignNumberMapping Mapping)> accepted,
        List<ForeignNumberIssue> issues,
        CancellationToken cancellationToken)
    {
        // A stored owner gives up its foreign number when this batch gives the owner's label a new value (a swap).
        var rewritten = accepted.Select(a => (a.Mapping.ArticleNumber, a.Mapping.ForeignNumber.Label)).ToHashSet();
        var valid = new List<(ForeignNumberRow Row, ForeignNumberMapping Mapping)>();
        foreach (var (row, mapping) in accepted)
        {
            var owner = await store.FindByForeignNumberAsync(connection, mapping.ForeignNumber, cancellationToken).ConfigureAwait(false);
            if (owner is not null
                && !string.Equals(owner.ArticleNumber, mapping.ArticleNumber, StringComparison.Ordinal)
                && !rewritten.Contains((owner.ArticleNumber, owner.ForeignNumber.Label)))
            {
                issues.Add(TakenIssue(row, mapping, owner.ArticleNumber));
                continue;
            }

            valid.Add((row, mapping));
        }

        return valid;
    }

    internal static ForeignNumberIssue TakenIssue(ForeignNumberRow row, ForeignNumberMapping mapping, string? ownerArticleNumber) =>
        new(row.LineNumber, mapping.ArticleNumber, ForeignNumberIssueKind.DuplicateForeignNumber, ForeignNumberField,
            ownerArticleNumber is null
                ? $"{mapping.ForeignNumber.Label} '{mapping.ForeignNumber.Value}' was given to another article on connection {mapping.Connection} while importing; import again"
                : $"{mapping.ForeignNumber.Label} '{mapping.ForeignNumber.Value}' already belongs to article {ownerArticleNumber} on connection {mapping.Connection}; a foreign number identifies one article");

    private static string DescribeKindMismatch(ForeignNumberScheme scheme, ForeignNumberRule rule, Article article)
    {
        var target = rule.Target == ForeignNumberTarget.Variant ? "variants" : "simple articles and matrix parents";
        var kind = article.Kind switch
        {
            ArticleKind.Variant => "a variant",
            ArticleKind.MatrixParent => "a matrix parent",
            _ => "a simple article",
        };
        var fitting = scheme.RulesFor(article.Kind).ToArray();
        var hint = fitting.Length == 0
            ? $"; {scheme.Connector} has no label for {ForeignNumberScheme.DescribeKindPlural(article.Kind)}"
            : $"; use {ForeignNumberScheme.DescribeLabels(fitting)}";
        return $"label '{rule.Label}' is for {target}, but {article.Number} is {kind}{hint}";
    }

    private static string Where(ForeignNumberRow first) => first.LineNumber is { } line ? $" (first on line {line})" : " (earlier in this import)";

    private static string Trimmed(string? text) => text?.Trim() ?? string.Empty;
}
