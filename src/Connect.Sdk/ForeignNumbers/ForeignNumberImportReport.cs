namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// The result of a foreign-number import ("Importzentrale"): how many rows were written, and every row that
/// was not, with its line and reason.
/// </summary>
public sealed class ForeignNumberImportReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="rowsRead">The data rows read, not counting the header and blank lines.</param>
    /// <param name="imported">The rows written to the store.</param>
    /// <param name="issues">The rows not written, and issues with the file as a whole.</param>
    public ForeignNumberImportReport(int rowsRead, int imported, IEnumerable<ForeignNumberIssue> issues)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowsRead);
        ArgumentOutOfRangeException.ThrowIfNegative(imported);
        ArgumentNullException.ThrowIfNull(issues);
        RowsRead = rowsRead;
        Imported = imported;
        Issues = issues.OrderBy(i => i.LineNumber ?? 0).ToArray();
    }

    /// <summary>The data rows read, not counting the header and blank lines.</summary>
    public int RowsRead { get; }

    /// <summary>The rows written to the store, all in one atomic write.</summary>
    public int Imported { get; }

    /// <summary>Why rows were not written, ordered by line; issues without a line come first.</summary>
    public IReadOnlyList<ForeignNumberIssue> Issues { get; }

    /// <summary>Whether every row was written.</summary>
    public bool IsComplete => Issues.Count == 0;

    /// <inheritdoc />
    public override string ToString() => $"{Imported} of {RowsRead} row(s) imported, {Issues.Count} issue(s)";
}
