using System.Text;

namespace Connect.Sdk.Mirakl.Imports;

/// <summary>
/// The CSV of Mirakl's offer imports and error reports: semicolon-separated, every value in double quotes (a quote in
/// a value doubled), the column names first.
/// </summary>
internal static class OfferCsv
{
    /// <summary>One line.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The line, without its line break.</returns>
    public static string Line(IEnumerable<string> values) => string.Join(';', values.Select(v => $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));

    /// <summary>The rows of a file, header first; empty lines are skipped.</summary>
    /// <param name="text">The file.</param>
    /// <returns>The rows.</returns>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var value = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    value.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    // A quoted value may hold a line break (a reason over two lines).
                    value.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                row.Add(value.ToString());
                value.Clear();
            }
            else if (c is '\n' or '\r')
            {
                End(rows, row, value);
            }
            else
            {
                value.Append(c);
            }
        }

        End(rows, row, value);
        return rows;
    }

    private static void End(List<string[]> rows, List<string> row, StringBuilder value)
    {
        if (row.Count > 0 || value.Length > 0)
        {
            row.Add(value.ToString());
            rows.Add([.. row]);
        }

        row.Clear();
        value.Clear();
    }
}
