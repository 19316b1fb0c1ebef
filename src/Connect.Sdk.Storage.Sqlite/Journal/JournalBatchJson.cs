using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Connect.Sdk.Journal;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// A batch of journal entries as one JSON parameter, an array with an array per entry that a set-wise statement reads
/// with <c>json_each(CAST(… AS TEXT))</c> and <c>value -&gt;&gt; n</c>: one bound value for the whole batch instead of
/// some twenty per entry. The JSON is bound as UTF-8 bytes (a blob, which the CAST reads as text): as a .NET string it
/// would be twice the size and converted to UTF-8 again. Instants are Unix ticks and enums numbers, as the columns store them.
/// </summary>
internal static class JournalBatchJson
{
    // The stored values of an entry besides its key, history lines and version, in the order an entry's array holds them
    // after its row id and expected version; the SET clause is made from the same list, so the two cannot drift apart.
    private static readonly (string Column, Action<Utf8JsonWriter, JournalEntry> Write)[] Values =
    [
        ("status", static (w, e) => w.WriteNumberValue((long)e.Status)),
        ("message", static (w, e) => WriteText(w, e.Message)),
        ("updated_at", static (w, e) => w.WriteNumberValue(e.UpdatedAt.ToStored())),
        ("title", static (w, e) => WriteText(w, e.Title)),
        ("article_kind", static (w, e) => WriteNumber(w, e.ArticleKind is { } kind ? (long)kind : null)),
        ("parent_article_number", static (w, e) => WriteText(w, e.ParentArticleNumber)),
        ("order_date", static (w, e) => WriteNumber(w, e.OrderDate?.ToStored())),
        ("tracking", static (w, e) => WriteNumber(w, e.Tracking is { } tracking ? (long)tracking : null)),
        ("attempts", static (w, e) => w.WriteNumberValue(e.Attempts)),
        ("next_attempt_at", static (w, e) => WriteNumber(w, e.NextAttemptAt?.ToStored())),
        ("folded_key", static (w, e) => WriteText(w, OrdinalIgnoreCaseFolding.Fold(e.Key.RecordKey))),
        ("folded_title", static (w, e) => WriteText(w, OrdinalIgnoreCaseFolding.FoldOrNull(e.Title))),
        ("folded_message", static (w, e) => WriteText(w, OrdinalIgnoreCaseFolding.FoldOrNull(e.Message))),
        ("earlier_lines", static (w, e) => w.WriteNumberValue(e.EarlierHistory?.Lines ?? 0)),
        ("earlier_changes", static (w, e) => WriteNumber(w, e.EarlierHistory?.Changes)),
        ("earlier_failures", static (w, e) => WriteNumber(w, e.EarlierHistory?.Failures)),
        ("earlier_failures_in_a_row", static (w, e) => WriteNumber(w, e.EarlierHistory?.FailuresInARow)),
        ("earlier_from", static (w, e) => WriteNumber(w, e.EarlierHistory?.From.ToStored())),
        ("earlier_to", static (w, e) => WriteNumber(w, e.EarlierHistory?.To.ToStored())),
        ("earlier_first_status", static (w, e) => WriteNumber(w, e.EarlierHistory is { } earlier ? (long)earlier.FirstStatus : null)),
        ("earlier_first_message", static (w, e) => WriteText(w, e.EarlierHistory?.FirstMessage)),
    ];

    // Only what JSON requires is escaped: the text is read back by SQLite, not shown in a web page.
    private static readonly JsonWriterOptions Format = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The assignments of an <c>UPDATE … FROM json_each(…) AS <paramref name="alias"/></c> over <see cref="Rows"/>: every
    /// stored value of the entry besides key and version.
    /// </summary>
    public static string Assignments(string alias) =>
        string.Join(", ", Values.Select((value, i) => $"{value.Column} = {alias}.value ->> {i + 2}"));

    /// <summary>The keys of entries as <c>[connection, kind, record key]</c> arrays, in the order given.</summary>
    public static byte[] Keys(IEnumerable<JournalKey> keys) => Write(keys, static (writer, key) =>
    {
        writer.WriteStringValue(key.Connection.Value);
        writer.WriteNumberValue((long)key.Kind);
        WriteText(writer, key.RecordKey);
    });

    /// <summary>Entries with their row ids as <c>[id, expected version, values…]</c> arrays, the values in the order of <see cref="Assignments"/>.</summary>
    public static byte[] Rows(IEnumerable<(long Id, JournalEntry Entry)> rows) => Write(rows, static (writer, row) =>
    {
        writer.WriteNumberValue(row.Id);
        writer.WriteNumberValue(row.Entry.Version);
        foreach (var (_, write) in Values)
        {
            write(writer, row.Entry);
        }
    });

    private static byte[] Write<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Format))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                writer.WriteStartArray();
                writeItem(writer, item);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Encoded to UTF-8 first, as a bound text parameter is: a lone surrogate becomes U+FFFD instead of failing the batch.
    private static void WriteText(Utf8JsonWriter writer, string? text)
    {
        if (text is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(Encoding.UTF8.GetBytes(text));
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, long? number)
    {
        if (number is { } value)
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
