using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// The journal query measurements' data: one tab (a busy connection's orders after about a month) of a million SQLite
/// entries, spread like a real tab: 5 % failed (with a message), 5 % with a warning, 2 % queued, the rest succeeded;
/// one change every three seconds (about 35 days), the order placed a day before; a customer name as the title; one
/// history row each. Every entry also carries an article kind and a tracking state, so the filters on them select
/// something: 64 % variants, 9 % matrix parents, the rest simple; tracking exported for 75 %, pending for 19 %, none
/// for 5 %, failed for 1 %.
/// </summary>
internal static class MillionEntryJournal
{
    /// <summary>How many entries the tab holds.</summary>
    public const int Entries = 1_000_000;

    /// <summary>The connection of the tab.</summary>
    public static readonly ConnectionId Connection = new("shopify-de");

    /// <summary>The change time of the oldest entry; entry <c>i</c> changed 3 × i seconds later.</summary>
    public static readonly Instant T0 = Instant.FromUtc(2025, 11, 1, 0, 0);

    private static readonly string[] FirstNames = ["Erika", "John", "Anna", "Lukas", "Mia", "Noah", "Emma", "Paul", "Lea", "Ben", "Sofia"];
    private static readonly string[] LastNames = ["Mustermann", "Doe", "Schmidt", "Müller", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter"];

    private static readonly string[] EntryParameters =
        ["$id", "$connection", "$kind", "$key", "$status", "$message", "$updated_at", "$title", "$article_kind", "$order_date", "$tracking", "$folded_title", "$folded_message"];

    /// <summary>The change time of entry <paramref name="i"/>.</summary>
    public static Instant UpdatedAt(long i) => T0 + Duration.FromSeconds(3 * i);

    /// <summary>The record key of entry <paramref name="i"/>: an order number.</summary>
    public static string Key(long i) => (10_000_000 + i).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A file at <paramref name="path"/> holding the tab: made there (the schema by the store, the rows in one
    /// transaction with a prepared insert, far faster than a million saves; about three minutes), or reused when a
    /// complete one is there already.
    /// </summary>
    /// <param name="path">The file.</param>
    public static void Ensure(string path)
    {
        // The first read creates the schema (and brings an older file up to the current migrations).
        using (var database = new SqliteDatabase(new SqliteStoreOptions { Path = path }))
        {
            new SqliteJournalStore(database).GetAsync(new JournalKey(Connection, RecordKind.Order, "0"), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM journal_entries;";
        var rows = (long)count.ExecuteScalar()!;
        if (rows == Entries)
        {
            return;
        }

        if (rows != 0)
        {
            throw new InvalidOperationException($"{path} holds {rows} journal entries, neither none nor {Entries}: delete it and run again.");
        }

        Load(connection);
    }

    private static void Load(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using var entry = connection.CreateCommand();
        entry.Transaction = transaction;
        entry.CommandText = """
            INSERT INTO journal_entries (id, connection, kind, record_key, status, message, updated_at, title, article_kind, order_date, tracking, attempts, version, folded_key, folded_title, folded_message)
            VALUES ($id, $connection, $kind, $key, $status, $message, $updated_at, $title, $article_kind, $order_date, $tracking, 1, 1, $key, $folded_title, $folded_message);
            """;
        var parameters = EntryParameters.ToDictionary(n => n, n =>
        {
            var parameter = entry.CreateParameter();
            parameter.ParameterName = n;
            entry.Parameters.Add(parameter);
            return parameter;
        });
        entry.Prepare();
        using var history = connection.CreateCommand();
        history.Transaction = transaction;
        history.CommandText = "INSERT INTO journal_history (entry_id, seq, at, from_status, to_status, message) VALUES ($id, 0, $at, 1, $to, $message);";
        var historyId = history.Parameters.Add("$id", SqliteType.Integer);
        var historyAt = history.Parameters.Add("$at", SqliteType.Integer);
        var historyTo = history.Parameters.Add("$to", SqliteType.Integer);
        var historyMessage = history.Parameters.Add("$message", SqliteType.Text);
        history.Prepare();

        for (var i = 0; i < Entries; i++)
        {
            var key = Key(i);
            var status = (i % 100) switch
            {
                < 5 => JournalStatus.Failed,
                < 10 => JournalStatus.Warning,
                < 12 => JournalStatus.Queued,
                _ => JournalStatus.Succeeded,
            };
            var message = status == JournalStatus.Failed ? $"Tax information missing in shop order {key}" : null;
            var title = $"{FirstNames[i % FirstNames.Length]} {LastNames[i % LastNames.Length]}";
            var updatedAt = UpdatedAt(i).ToUnixTimeTicks();

            // Spread by other strides than the status's 100, so that the criteria are independent of each other.
            var articleKind = (i % 11) switch
            {
                < 7 => ArticleKind.Variant,
                7 => ArticleKind.MatrixParent,
                _ => ArticleKind.Simple,
            };
            var tracking = (i % 97) switch
            {
                0 => TrackingExportState.Failed,
                < 6 => TrackingExportState.NoTracking,
                < 25 => TrackingExportState.Pending,
                _ => TrackingExportState.Exported,
            };
            parameters["$id"].Value = i + 1;
            parameters["$connection"].Value = Connection.Value;
            parameters["$kind"].Value = (long)RecordKind.Order;
            parameters["$key"].Value = key;
            parameters["$status"].Value = (long)status;
            parameters["$message"].Value = (object?)message ?? DBNull.Value;
            parameters["$updated_at"].Value = updatedAt;
            parameters["$title"].Value = title;
            parameters["$article_kind"].Value = (long)articleKind;
            parameters["$order_date"].Value = updatedAt - Duration.FromDays(1).BclCompatibleTicks;
            parameters["$tracking"].Value = (long)tracking;
            parameters["$folded_title"].Value = title.ToUpperInvariant();
            parameters["$folded_message"].Value = (object?)message?.ToUpperInvariant() ?? DBNull.Value;
            entry.ExecuteNonQuery();

            historyId.Value = i + 1;
            historyAt.Value = updatedAt;
            historyTo.Value = (long)status;
            historyMessage.Value = (object?)message ?? DBNull.Value;
            history.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
