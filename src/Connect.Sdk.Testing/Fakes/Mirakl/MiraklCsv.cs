using System.Text;

namespace Connect.Sdk.Testing.Fakes.Mirakl;

/// <summary>
/// The CSV of Mirakl's file imports (STO01, PRI01) and their error reports (STO03, PRI03): semicolon-separated, every
/// value in double quotes, a quote inside a value doubled, the first line the column names.
/// </summary>
internal static class MiraklCsv
{
    /// <summary>The rows of a file, the header first; empty lines are skipped.</summary>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length > 0)
            {
                rows.Add(ParseLine(line));
            }
        }

        return rows;
    }

    /// <summary>One line of the format.</summary>
    public static string Line(IEnumerable<string> values) => string.Join(';', values.Select(v => $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));

    private static string[] ParseLine(string line)
    {
        var values = new List<string>();
        var value = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
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
                    value.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                values.Add(value.ToString());
                value.Clear();
            }
            else
            {
                value.Append(c);
            }
        }

        values.Add(value.ToString());
        return [.. values];
    }
}
