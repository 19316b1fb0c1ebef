using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Connect.Sdk.Journal;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The keys of a batch of journal entries as one JSON parameter, an array with a <c>[connection, kind, record key]</c>
/// array per entry that a set-wise statement reads with <c>json_each(CAST(… AS TEXT))</c> and <c>value -&gt;&gt; n</c>:
/// one bound value for the whole batch instead of three per entry. The JSON is bound as UTF-8 bytes (a blob, which the
/// CAST reads as text): as a .NET string it would be twice the size and converted to UTF-8 again. Kinds are numbers, as
/// the column stores them.
/// </summary>
internal static class JournalBatchJson
{
    // Only what JSON requires is escaped: the text is read back by SQLite, not shown in a web page.
    private static readonly JsonWriterOptions Format = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The keys of entries as <c>[connection, kind, record key]</c> arrays, in the order given.</summary>
    public static byte[] Keys(IEnumerable<JournalKey> keys)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Format))
        {
            writer.WriteStartArray();
            foreach (var key in keys)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(key.Connection.Value);
                writer.WriteNumberValue((long)key.Kind);

                // Encoded to UTF-8 first, as a bound text parameter is: a lone surrogate becomes U+FFFD instead of failing the batch.
                writer.WriteStringValue(Encoding.UTF8.GetBytes(key.RecordKey));
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
