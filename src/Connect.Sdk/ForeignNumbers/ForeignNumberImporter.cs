using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Stock;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// Imports foreign numbers for one connection ("Importzentrale"): from a CSV file with the header
/// <c>article_number;label;foreign_number</c> (or <c>Artikelnummer;Bezeichnung;Fremdnummer</c>), or from rows
/// entered elsewhere. Every row is checked against
/// the connector's rules, the ERP's articles and the stored foreign numbers; the valid rows are written in one
/// atomic store write, and every other row is reported with its line and reason. It then lists every newly mapped
/// article in the journal's article tab as not synced.
/// </summary>
public sealed class ForeignNumberImporter
{
    private static readonly string[] HeaderFields = [ForeignNumberValidator.ArticleNumberField, ForeignNumberValidator.LabelField, ForeignNumberValidator.ForeignNumberField];

    // The seed's import centre ("Importzentrale") names the three columns Artikelnummer, Bezeichnung and Fremdnummer.
    private static readonly string[] GermanHeaderFields = ["Artikelnummer", "Bezeichnung", "Fremdnummer"];

    private static readonly Dictionary<string, string> ColumnsByName =
        HeaderFields.Zip(GermanHeaderFields)
            .SelectMany(pair => new[] { (Name: pair.First, Field: pair.First), (Name: pair.Second, Field: pair.First) })
            .ToDictionary(c => c.Name, c => c.Field, StringComparer.OrdinalIgnoreCase);

    private static readonly string GermanCsvHeader = CsvLine.Format(GermanHeaderFields);

    private readonly IForeignNumberStore _store;
    private readonly ForeignNumberValidator _validator;
    private readonly MappedArticleEntries _mappedEntries;

    /// <summary>Creates an importer that lists every newly mapped article in the journal as not synced.</summary>
    /// <param name="rules">The foreign-number rules, usually <see cref="ForeignNumberRules.Default"/> plus a partner's.</param>
    /// <param name="store">Where foreign numbers are kept.</param>
    /// <param name="catalog">The ERP's articles, to refuse unknown article numbers and labels that do not fit an article's kind.</param>
    /// <param name="journal">The journal whose article tab lists the mapped articles.</param>
    /// <param name="connections">The connections, whose state says whether the schedule will sync the articles yet.</param>
    public ForeignNumberImporter(ForeignNumberRules rules, IForeignNumberStore store, IArticleCatalog catalog, SyncJournal journal, IConnectionStore connections)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(connections);
        _store = store;
        _validator = new ForeignNumberValidator(rules, store, catalog);
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

    /// <summary>
    /// Imports a CSV file. Its encoding is detected: UTF-8 (with or without a byte order mark), UTF-16 with a byte
    /// order mark, or Windows-1252 (Excel's "CSV" on a Western European Windows) when no line is UTF-8 beyond ASCII.
    /// A byte is never replaced: in a UTF-8 file, a line that is not UTF-8 is refused with its line number.
    /// </summary>
    /// <param name="connection">The connection the foreign numbers are for.</param>
    /// <param name="connector">The connection's connector, whose rules apply.</param>
    /// <param name="csv">The file, read to its end; left open.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written when it is cancelled before the store write.</param>
    /// <returns>The report, naming every refused line.</returns>
    public async ValueTask<ForeignNumberImportReport> ImportCsvAsync(ConnectionId connection, ConnectorId connector, Stream csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var bytes = new MemoryStream();
        await csv.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
        return await ImportLinesAsync(connection, connector, CsvFileDecoder.Decode(bytes.ToArray()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports CSV text: a header <c>article_number;label;foreign_number</c> — or the import centre's German
    /// <c>Artikelnummer;Bezeichnung;Fremdnummer</c> — (names in any case and order, delimiter ';' or ',' as the
    /// header uses), then one foreign number per line. Quoting follows RFC 4180; blank lines are skipped; an
    /// apostrophe the export put before a cell that starts like a formula is removed.
    /// </summary>
    /// <param name="connection">The connection the foreign numbers are for.</param>
    /// <param name="connector">The connection's connector, whose rules apply.</param>
    /// <param name="csv">The text; left open.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written when it is cancelled before the store write.</param>
    /// <returns>The report, naming every refused line (the header is line 1).</returns>
    public async ValueTask<ForeignNumberImportReport> ImportCsvAsync(ConnectionId connection, ConnectorId connector, TextReader csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = new List<CsvSourceLine>();
        while (await csv.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lines.Add(new(line, null));
        }

        return await ImportLinesAsync(connection, connector, lines, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads and checks a CSV file as <see cref="ImportCsvAsync(ConnectionId, ConnectorId, Stream, CancellationToken)"/>
    /// does, but writes nothing: the rows read, the mappings that would be written and every issue. Unlike the import,
    /// rows that contradict each other are all refused: a migration cannot ask which of them the user meant.
    /// </summary>
    internal async ValueTask<ForeignNumberPreview> PreviewCsvAsync(ConnectionId connection, ConnectorId connector, byte[] csv, CancellationToken cancellationToken)
    {
        var parsed = ParseLines(CsvFileDecoder.Decode(csv));
        var validation = await _validator.ValidateAsync(connection, connector, parsed.Rows, refuseAmbiguous: true, cancellationToken).ConfigureAwait(false);
        return new(parsed.Rows, validation.Valid, [.. parsed.Issues, .. validation.Issues]);
    }

    /// <summary>Lists mapped articles in the journal's article tab as not synced; articles listed already keep their entries.</summary>
    internal ValueTask ListInJournalAsync(IReadOnlyCollection<ForeignNumberMapping> mappings, CancellationToken cancellationToken) =>
        _mappedEntries.AddAsync(mappings, cancellationToken);

    private async ValueTask<ForeignNumberImportReport> ImportLinesAsync(ConnectionId connection, ConnectorId connector, IReadOnlyList<CsvSourceLine> lines, CancellationToken cancellationToken)
    {
        var parsed = ParseLines(lines);
        if (parsed.Rows.Count == 0 && parsed.Issues.Any(i => i.Kind == ForeignNumberIssueKind.InvalidHeader))
        {
            return new(0, 0, parsed.Issues);
        }

        return await ImportRowsAsync(connection, connector, parsed.Rows, [.. parsed.Issues], cancellationToken).ConfigureAwait(false);
    }

    private static (IReadOnlyList<ForeignNumberRow> Rows, IReadOnlyList<ForeignNumberIssue> Issues) ParseLines(IReadOnlyList<CsvSourceLine> lines)
    {
        var header = lines.Count == 0 ? null : lines[0].Text;
        if (lines.Count > 0 && lines[0].Problem is { } unreadable)
        {
            return ([], [HeaderIssue($"the header cannot be read: {unreadable}")]);
        }

        if (header is null || string.IsNullOrWhiteSpace(header.TrimStart('\uFEFF')))
        {
            return ([], [HeaderIssue($"the file is empty or starts with a blank line; the first line must be the header {CsvHeader}")]);
        }

        // A TextReader handed in by the caller may still carry the byte order mark a StreamReader would drop.
        header = header.TrimStart('\uFEFF');
        if (CsvLine.DetectDelimiter(header) is not { } delimiter)
        {
            return ([], [HeaderIssue($"the first line must be the header {CsvHeader} (or with ',' between the names); found '{header}'")]);
        }

        var names = CsvLine.Parse(header, delimiter, out var headerError);
        if (names is null)
        {
            return ([], [HeaderIssue($"the header cannot be read: {headerError}")]);
        }

        var columns = names.Select(n => ColumnOf(n.Trim())).ToArray();
        var missing = HeaderFields.Where(f => !columns.Contains(f, StringComparer.Ordinal)).ToArray();
        var repeated = columns.Where(c => c.Length > 0).GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (missing.Length > 0 || repeated.Length > 0)
        {
            var what = missing.Length > 0 ? $"missing column(s) {string.Join(", ", missing)}" : $"repeated column(s) {string.Join(", ", repeated)}";
            return ([], [HeaderIssue($"the header must be {CsvHeader} or {GermanCsvHeader}; found '{header}' ({what})")]);
        }

        var articleColumn = Array.IndexOf(columns, ForeignNumberValidator.ArticleNumberField);
        var labelColumn = Array.IndexOf(columns, ForeignNumberValidator.LabelField);
        var valueColumn = Array.IndexOf(columns, ForeignNumberValidator.ForeignNumberField);

        var rows = new List<ForeignNumberRow>();
        var malformed = new List<ForeignNumberIssue>();
        for (var index = 1; index < lines.Count; index++)
        {
            var lineNumber = index + 1;
            var (line, problem) = lines[index];
            if (problem is not null)
            {
                malformed.Add(new(lineNumber, null, ForeignNumberIssueKind.MalformedLine, null, $"the line cannot be read: {problem}"));
                continue;
            }

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
                malformed.Add(new(lineNumber, fields is null || fields.Count <= articleColumn ? null : Cell(fields, articleColumn).Trim(), ForeignNumberIssueKind.MalformedLine, null, reason));
                continue;
            }

            rows.Add(new(Cell(fields, articleColumn), Cell(fields, labelColumn), Cell(fields, valueColumn), lineNumber));
        }

        return (rows, malformed);
    }

    private async ValueTask<ForeignNumberImportReport> ImportRowsAsync(
        ConnectionId connection,
        ConnectorId connector,
        IReadOnlyList<ForeignNumberRow> rows,
        List<ForeignNumberIssue> malformed,
        CancellationToken cancellationToken)
    {
        var validation = await _validator.ValidateAsync(connection, connector, rows, refuseAmbiguous: false, cancellationToken).ConfigureAwait(false);
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
            await _mappedEntries.AddAsync(mappings, cancellationToken).ConfigureAwait(false);

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

    /// <summary>The field a header name stands for (the English or the import centre's German name), or the name itself.</summary>
    private static string ColumnOf(string name) => ColumnsByName.GetValueOrDefault(name, name);

    private static string Cell(IReadOnlyList<string> fields, int column) => SpreadsheetFormulaGuard.Unescape(fields[column]);

    private static ForeignNumberIssue HeaderIssue(string reason) => new(1, null, ForeignNumberIssueKind.InvalidHeader, null, reason);
}
