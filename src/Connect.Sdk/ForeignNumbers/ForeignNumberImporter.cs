using System.Text;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Stock;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// Imports foreign numbers for one connection ("Importzentrale"): from a CSV file with the header
/// <c>article_number;label;foreign_number</c>, or from rows entered elsewhere. Every row is checked against
/// the connector's rules, the ERP's articles and the stored foreign numbers; the valid rows are written in one
/// atomic store write, and every other row is reported with its line and reason. Given the journal (as the SDK's
/// registration does), it then lists every newly mapped article in the journal's article tab as not synced.
/// </summary>
public sealed class ForeignNumberImporter
{
    private static readonly string[] HeaderFields = [ForeignNumberValidator.ArticleNumberField, ForeignNumberValidator.LabelField, ForeignNumberValidator.ForeignNumberField];

    private readonly IForeignNumberStore _store;
    private readonly ForeignNumberValidator _validator;
    private readonly MappedArticleEntries? _mappedEntries;

    /// <summary>Creates an importer.</summary>
    /// <param name="rules">The foreign-number rules, usually <see cref="ForeignNumberRules.Default"/> plus a partner's.</param>
    /// <param name="store">Where foreign numbers are kept.</param>
    /// <param name="catalog">The ERP's articles, to refuse unknown article numbers and labels that do not fit an article's kind.</param>
    public ForeignNumberImporter(ForeignNumberRules rules, IForeignNumberStore store, IArticleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        _store = store;
        _validator = new ForeignNumberValidator(rules, store, catalog);
    }

    /// <summary>Creates an importer that also lists every newly mapped article in the journal as not synced.</summary>
    /// <param name="rules">The foreign-number rules, usually <see cref="ForeignNumberRules.Default"/> plus a partner's.</param>
    /// <param name="store">Where foreign numbers are kept.</param>
    /// <param name="catalog">The ERP's articles, to refuse unknown article numbers and labels that do not fit an article's kind.</param>
    /// <param name="journal">The journal whose article tab lists the mapped articles.</param>
    /// <param name="connections">The connections, whose state says whether the schedule will sync the articles yet.</param>
    public ForeignNumberImporter(ForeignNumberRules rules, IForeignNumberStore store, IArticleCatalog catalog, SyncJournal journal, IConnectionStore connections)
        : this(rules, store, catalog)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(connections);
        _mappedEntries = new MappedArticleEntries(journal, catalog, connections);
    }

    /// <summary>The CSV header the import expects and the export writes.</summary>
    public static string CsvHeader { get; } = CsvLine.Format(HeaderFields);

    /// <summary>Imports rows, e.g. from the article's foreign-number tab.</summary>
    /// <param name="connection">The connection the foreign numbers are for.</param>
    /// <param name="connector">The connection's connector, whose rules apply.</param>
    /// <param name="rows">The rows, in the order the user gave them; on duplicates the first row wins.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written when it is cancelled before the store write.</param>
    /// <returns>The report.</returns>
    public async ValueTask<ForeignNumberImportReport> ImportAsync(
        ConnectionId connection,
        ConnectorId connector,
        IEnumerable<ForeignNumberRow> rows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return await ImportRowsAsync(connection, connector, rows.ToArray(), [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports a CSV file, read as UTF-8 (with or without a byte order mark).</summary>
    /// <param name="connection">The connection the foreign numbers are for.</param>
    /// <param name="connector">The connection's connector, whose rules apply.</param>
    /// <param name="csv">The file; left open.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written when it is cancelled before the store write.</param>
    /// <returns>The report, naming every refused line.</returns>
    public async ValueTask<ForeignNumberImportReport> ImportCsvAsync(ConnectionId connection, ConnectorId connector, Stream csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return await ImportCsvAsync(connection, connector, reader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports CSV text: a header <c>article_number;label;foreign_number</c> (names in any case and order,
    /// delimiter ';' or ',' as the header uses), then one foreign number per line. Quoting follows RFC 4180;
    /// blank lines are skipped.
    /// </summary>
    /// <param name="connection">The connection the foreign numbers are for.</param>
    /// <param name="connector">The connection's connector, whose rules apply.</param>
    /// <param name="csv">The text; left open.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written when it is cancelled before the store write.</param>
    /// <returns>The report, naming every refused line (the header is line 1).</returns>
    public async ValueTask<ForeignNumberImportReport> ImportCsvAsync(ConnectionId connection, ConnectorId connector, TextReader csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var header = await csv.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (header is null || string.IsNullOrWhiteSpace(header.TrimStart('\uFEFF')))
        {
            return new(0, 0, [HeaderIssue($"the file is empty or starts with a blank line; the first line must be the header {CsvHeader}")]);
        }

        // A TextReader handed in by the caller may still carry the byte order mark a StreamReader would drop.
        header = header.TrimStart('\uFEFF');
        if (CsvLine.DetectDelimiter(header) is not { } delimiter)
        {
            return new(0, 0, [HeaderIssue($"the first line must be the header {CsvHeader} (or with ',' between the names); found '{header}'")]);
        }

        var names = CsvLine.Parse(header, delimiter, out var headerError);
        if (names is null)
        {
            return new(0, 0, [HeaderIssue($"the header cannot be read: {headerError}")]);
        }

        var columns = names.Select(n => n.Trim()).ToArray();
        var missing = HeaderFields.Where(f => !columns.Contains(f, StringComparer.OrdinalIgnoreCase)).ToArray();
        var repeated = columns.Where(c => c.Length > 0).GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (missing.Length > 0 || repeated.Length > 0)
        {
            var what = missing.Length > 0 ? $"missing column(s) {string.Join(", ", missing)}" : $"repeated column(s) {string.Join(", ", repeated)}";
            return new(0, 0, [HeaderIssue($"the header must be {CsvHeader}; found '{header}' ({what})")]);
        }

        var articleColumn = Array.FindIndex(columns, c => c.Equals(ForeignNumberValidator.ArticleNumberField, StringComparison.OrdinalIgnoreCase));
        var labelColumn = Array.FindIndex(columns, c => c.Equals(ForeignNumberValidator.LabelField, StringComparison.OrdinalIgnoreCase));
        var valueColumn = Array.FindIndex(columns, c => c.Equals(ForeignNumberValidator.ForeignNumberField, StringComparison.OrdinalIgnoreCase));

        var rows = new List<ForeignNumberRow>();
        var malformed = new List<ForeignNumberIssue>();
        var lineNumber = 1;
        while (await csv.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = CsvLine.Parse(line, delimiter, out var error);
            if (fields is null || fields.Count != columns.Length)
            {
                var reason = fields is null
                    ? $"the line cannot be read: {error}"
                    : $"expected {columns.Length} fields separated by '{delimiter}', found {fields.Count}; quote fields that contain '{delimiter}'";
                malformed.Add(new(lineNumber, fields is null || fields.Count <= articleColumn ? null : fields[articleColumn].Trim(), ForeignNumberIssueKind.MalformedLine, null, reason));
                continue;
            }

            rows.Add(new(fields[articleColumn], fields[labelColumn], fields[valueColumn], lineNumber));
        }

        return await ImportRowsAsync(connection, connector, rows, malformed, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ForeignNumberImportReport> ImportRowsAsync(
        ConnectionId connection,
        ConnectorId connector,
        IReadOnlyList<ForeignNumberRow> rows,
        List<ForeignNumberIssue> malformed,
        CancellationToken cancellationToken)
    {
        var validation = await _validator.ValidateAsync(connection, connector, rows, cancellationToken).ConfigureAwait(false);
        var issues = malformed.Concat(validation.Issues).ToList();
        var rowsRead = rows.Count + malformed.Count;
        if (validation.Valid.Count == 0)
        {
            return new(rowsRead, 0, issues);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var mappings = validation.Valid.Select(v => v.Mapping).ToArray();
        var conflicts = await _store.UpsertAsync(mappings, cancellationToken).ConfigureAwait(false);
        if (conflicts.Count == 0)
        {
            if (_mappedEntries is not null)
            {
                await _mappedEntries.AddAsync(mappings, cancellationToken).ConfigureAwait(false);
            }

            return new(rowsRead, validation.Valid.Count, issues);
        }

        // Another writer took a foreign number between our check and the write. The store wrote nothing, so
        // every valid row stays unimported; the conflicting ones say why, the rest can simply be imported again.
        var conflicting = conflicts.ToHashSet();
        foreach (var (row, mapping) in validation.Valid.Where(v => conflicting.Contains(v.Mapping)))
        {
            issues.Add(ForeignNumberValidator.TakenIssue(row, mapping, null));
        }

        return new(rowsRead, 0, issues);
    }

    private static ForeignNumberIssue HeaderIssue(string reason) => new(1, null, ForeignNumberIssueKind.InvalidHeader, null, reason);
}
