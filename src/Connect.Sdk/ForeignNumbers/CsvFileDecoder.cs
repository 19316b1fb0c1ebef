using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// Turns the bytes of a CSV file into lines of text without ever replacing a byte it cannot read. A file is read as
/// UTF-8 (with or without a byte order mark), UTF-16 with its byte order mark, or — when no line holds UTF-8 beyond
/// ASCII and some line is not UTF-8 — as Windows-1252, which Excel writes for "CSV" on a Western European Windows
/// ("ANSI": <c>Ü</c> is the single byte 0xDC). A file that mixes UTF-8 lines with lines that are not UTF-8 has no
/// one encoding: each line that is not UTF-8 is refused with its line number instead of being guessed.
/// </summary>
internal static class CsvFileDecoder
{
    private const int Windows1252CodePage = 1252;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The code-page encodings ship with .NET; taking the one encoding from the provider leaves the process's
    // Encoding.GetEncoding as the host configured it.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(Windows1252CodePage)!;

    /// <summary>The lines of a file, in order.</summary>
    public static IReadOnlyList<CsvSourceLine> Decode(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        ReadOnlySpan<byte> bytes = file;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeWithByteOrderMark(file);
        }

        var hasUtf8Mark = bytes.StartsWith(Encoding.UTF8.Preamble);
        var body = hasUtf8Mark ? file.AsMemory(Encoding.UTF8.Preamble.Length) : file.AsMemory();
        var lines = Split(body);
        var isUtf8File = hasUtf8Mark || lines.Exists(line => HasNonAscii(line.Span) && Utf8.IsValid(line.Span));
        return lines.Select(line => DecodeLine(line.Span, isUtf8File)).ToArray();
    }

    private static CsvSourceLine DecodeLine(ReadOnlySpan<byte> line, bool isUtf8File)
    {
        if (Utf8.IsValid(line))
        {
            return new(StrictUtf8.GetString(line), null);
        }

        if (!isUtf8File)
        {
            return new(Windows1252.GetString(line), null);
        }

        var valid = ValidUtf8Length(line);
        return new(null, string.Create(
            CultureInfo.InvariantCulture,
            $"byte 0x{line[valid]:X2} at byte {valid + 1} of the line is not UTF-8, though other lines of the file are; save the file as UTF-8 (Excel: \"CSV UTF-8\") and import it again"));
    }

    private static List<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> bytes)
    {
        // Line ends as TextReader.ReadLine sees them (\n, \r\n or a lone \r), so line numbers match either way of reading.
        var lines = new List<ReadOnlyMemory<byte>>();
        var span = bytes.Span;
        var start = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] is (byte)'\n' or (byte)'\r')
            {
                lines.Add(bytes[start..i]);
                if (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < span.Length)
        {
            lines.Add(bytes[start..]);
        }

        return lines;
    }

    private static List<CsvSourceLine> DecodeWithByteOrderMark(byte[] file)
    {
        using var reader = new StreamReader(new MemoryStream(file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lines = new List<CsvSourceLine>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(new(line, null));
        }

        return lines;
    }

    private static int ValidUtf8Length(ReadOnlySpan<byte> line)
    {
        var chars = new char[line.Length];
        Utf8.ToUtf16(line, chars, out var read, out _, replaceInvalidSequences: false);
        return read;
    }

    private static bool HasNonAscii(ReadOnlySpan<byte> line) => line.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
}
