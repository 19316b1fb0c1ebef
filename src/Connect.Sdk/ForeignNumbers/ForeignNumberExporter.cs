using System.Text;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// Exports the foreign numbers of a connection as CSV in the import's format (header
/// <c>article_number;label;foreign_number</c>, ';' between fields, quotes where needed, CRLF line ends), in a
/// stable order, so that a file exported and imported again changes nothing. A cell that a spreadsheet would read
/// as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) is written with
/// an apostrophe before it, which the import removes.
/// </summary>
public sealed class ForeignNumberExporter
{
    // Spreadsheet programs read UTF-8 reliably only with a byte order mark; the import accepts it either way.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private readonly IForeignNumberStore _store;

    /// <summary>Creates an exporter.</summary>
    /// <param name="store">Where foreign numbers are kept.</param>
    public ForeignNumberExporter(IForeignNumberStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Writes the connection's foreign numbers to a stream as UTF-8 with a byte order mark.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="csv">The stream; left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of foreign numbers written, not counting the header.</returns>
    public async ValueTask<int> ExportCsvAsync(ConnectionId connection, Stream csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var writer = new StreamWriter(csv, Utf8WithBom, bufferSize: -1, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            return await ExportCsvAsync(connection, writer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the connection's foreign numbers as CSV text, ordered by article number, label and value.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="csv">The writer; flushed, left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of foreign numbers written, not counting the header.</returns>
    public async ValueTask<int> ExportCsvAsync(ConnectionId connection, TextWriter csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        await WriteLineAsync(csv, ForeignNumberImporter.CsvHeader, cancellationToken).ConfigureAwait(false);
        var count = 0;
        await foreach (var mapping in _store.ListAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            var cells = new[] { mapping.ArticleNumber, mapping.ForeignNumber.Label.Value, mapping.ForeignNumber.Value };
            var line = CsvLine.Format(cells.Select(SpreadsheetFormulaGuard.Escape));
            await WriteLineAsync(csv, line, cancellationToken).ConfigureAwait(false);
            count++;
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    // RFC 4180 ends records with CRLF whatever the platform's TextWriter.NewLine says.
    private static async ValueTask WriteLineAsync(TextWriter csv, string line, CancellationToken cancellationToken) =>
        await csv.WriteAsync((line + "\r\n").AsMemory(), cancellationToken).ConfigureAwait(false);
}
