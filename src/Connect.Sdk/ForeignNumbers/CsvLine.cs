using System.Text;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// One line of the foreign-number CSV in RFC 4180 syntax: fields separated by a delimiter, quoted with
/// <c>"</c> when needed, a quote inside a quoted field doubled.
/// </summary>
/// <remarks>
/// A record never spans lines: foreign numbers hold no line breaks, and keeping one record per line means a
/// stray quote costs its own line only, not the rest of the file, and line numbers in the report stay exact.
/// </remarks>
internal static class CsvLine
{
    /// <summary>The delimiter the export writes.</summary>
    public const char ExportDelimiter = ';';

    /// <summary>Picks the delimiter of a header line: the more frequent of ';' and ',' outside quotes, ';' on a tie.</summary>
    public static char? DetectDelimiter(string header)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }

        if (semicolons == 0 && commas == 0)
        {
            return null;
        }

        return commas > semicolons ? ',' : ';';
    }

    /// <summary>Splits a line into fields.</summary>
    /// <returns>The fields, or <see langword="null"/> with <paramref name="error"/> set when the line is malformed.</returns>
    public static IReadOnlyList<string>? Parse(string line, char delimiter, out string? error)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                var start = i;
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = $"the quote opened at column {start + 1} is not closed";
                        return null;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i]);
                    i++;
                }

                if (i < line.Length && line[i] != delimiter)
                {
                    error = $"unexpected text after the closing quote at column {i + 1}; quote the whole field and double quotes inside it";
                    return null;
                }
            }
            else
            {
                // Quotes inside an unquoted field are kept as they are, as spreadsheet programs do.
                var end = line.IndexOf(delimiter, i);
                end = end < 0 ? line.Length : end;
                field.Append(line, i, end - i);
                i = end;
            }

            fields.Add(field.ToString());
            if (i >= line.Length)
            {
                error = null;
                return fields;
            }

            i++; // the delimiter
        }
    }

    /// <summary>Joins fields into a line, quoting those that need it.</summary>
    public static string Format(IEnumerable<string> fields, char delimiter = ExportDelimiter) =>
        string.Join(delimiter, fields.Select(f => NeedsQuotes(f) ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f));

    // Quoting on either delimiter keeps a line valid whichever delimiter a later import detects, and quoting
    // surrounding white space keeps a spreadsheet from eating it.
    private static bool NeedsQuotes(string field) =>
        field.Length > 0 && (field.AsSpan().IndexOfAny(";,\"\r\n") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]));
}
