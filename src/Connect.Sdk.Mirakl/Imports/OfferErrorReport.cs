using System.Globalization;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Http;

namespace Connect.Sdk.Mirakl.Imports;

/// <summary>
/// Reads the error report of a stock or price import (STO03, PRI03) into one outcome per submitted line. Mirakl's
/// reference says the report holds only the lines in error, "the first column contains the line number in error, the
/// second column contains the error reason", and that it "is ready to be reimported after the values have been fixed",
/// so it repeats the submitted columns; a submitted line it does not name was imported. It names no column headers, so
/// the columns are found by header, never by place alone: the submitted columns by their names, the line number and
/// the reason among the others (a header naming a line, then one naming a message, reason or error), and only a
/// report whose header says neither is read by the documented places. A row is attributed by its line number, or by
/// its <c>offer-sku</c> when the line number is missing or points at another SKU. When Mirakl counted more lines in
/// error than the report attributes, the lines it does not name cannot be told apart from the missing ones: none of
/// them is confirmed.
/// </summary>
internal static class OfferErrorReport
{
    private const string SkuColumn = "offer-sku";

    /// <summary>The outcome of each submitted line: <see langword="null"/> when imported, else why not.</summary>
    /// <param name="report">The report's CSV.</param>
    /// <param name="header">The submitted file's column names.</param>
    /// <param name="lines">The submitted lines, in order (the header is the file's line 1, these lines 2, 3, …).</param>
    /// <param name="linesInError">How many lines the import's status counted in error, when it says.</param>
    /// <param name="import">The import in messages, e.g. <c>Mirakl's stock import 42</c>.</param>
    /// <returns>The outcomes, one per line.</returns>
    public static string?[] Read(string report, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> lines, int? linesInError, string import)
    {
        var outcomes = new string?[lines.Count];
        var rows = OfferCsv.Parse(report);
        var attributed = 0;
        if (rows.Count > 0)
        {
            var columns = Columns.Of(rows[0], header);
            var submittedSku = IndexOf(header, SkuColumn);
            foreach (var row in rows.Skip(1))
            {
                var index = LineOf(row, columns, lines, submittedSku, outcomes);
                if (index is { } i)
                {
                    var number = (i + 2).ToString(CultureInfo.InvariantCulture);
                    var reason = columns.Reason is { } r && r < row.Length && row[r].Length > 0 ? ErrorText.OneLine(row[r], MiraklClient.MaxMessageLength) : "no reason given";
                    outcomes[i] = $"{import} refused line {number}: {reason}";
                    attributed++;
                }
            }
        }

        if (linesInError is { } counted && counted > attributed)
        {
            var unconfirmed = $"not confirmed by Mirakl: {import} counted {counted} line(s) in error, but its error report names {attributed} of them, so this line may be among the others; the next sync sends the value again";
            for (var i = 0; i < outcomes.Length; i++)
            {
                outcomes[i] ??= unconfirmed;
            }
        }

        return outcomes;
    }

    private static int? LineOf(string[] row, Columns columns, IReadOnlyList<IReadOnlyList<string>> lines, int submittedSku, string?[] outcomes)
    {
        var sku = columns.Sku is { } s && s < row.Length ? row[s] : null;
        if (columns.Line is { } l && l < row.Length && int.TryParse(row[l], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 2 && number - 2 < lines.Count && (sku is null || submittedSku < 0 || lines[number - 2][submittedSku] == sku))
        {
            return number - 2;
        }

        if (sku is null || submittedSku < 0)
        {
            return null;
        }

        // The first line with that SKU not named yet: a file holds a SKU once, but a report may repeat a row.
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i][submittedSku] == sku && outcomes[i] is null)
            {
                return i;
            }
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where the report keeps the line number, the reason and the SKU, each <see langword="null"/> when it does not.</summary>
    private sealed record Columns(int? Line, int? Reason, int? Sku)
    {
        public static Columns Of(string[] reportHeader, IReadOnlyList<string> submitted)
        {
            int? line = null, reason = null;
            for (var i = 0; i < reportHeader.Length; i++)
            {
                var name = reportHeader[i].Trim();
                if (IndexOf(submitted, name) >= 0)
                {
                    continue;
                }

                if (line is null && name.Contains("line", StringComparison.OrdinalIgnoreCase))
                {
                    line = i;
                }
                else if (reason is null && (name.Contains("message", StringComparison.OrdinalIgnoreCase) || name.Contains("reason", StringComparison.OrdinalIgnoreCase) || name.Contains("error", StringComparison.OrdinalIgnoreCase)))
                {
                    reason = i;
                }
            }

            if (line is null && reason is null && reportHeader.Length >= 2 && IndexOf(submitted, reportHeader[0].Trim()) < 0 && IndexOf(submitted, reportHeader[1].Trim()) < 0)
            {
                // A header that names neither: the reference's places, the line number first and the reason second.
                (line, reason) = (0, 1);
            }

            var sku = IndexOf(reportHeader, SkuColumn);
            return new Columns(line, reason, sku < 0 ? null : sku);
        }
    }
}
