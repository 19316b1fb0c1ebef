using BenchmarkDotNet.Attributes;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// The journal view on one tab of a million SQLite entries (a busy connection's orders after a year): the first
/// page of fifty with its total, as the journal screen asks for it, under the default filter and each common one.
/// </summary>
[MemoryDiagnoser]
public class SqliteJournalQueryBenchmarks
{
    private const int Entries = 1_000_000;
    private const int PageSize = 50;

    private static readonly ConnectionId Connection = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2025, 11, 1, 0, 0);
    private static readonly string[] FirstNames = ["Erika", "John", "Anna", "Lukas", "Mia", "Noah", "Emma", "Paul", "Lea", "Ben", "Sofia"];
    private static readonly string[] LastNames = ["Mustermann", "Doe", "Schmidt", "Müller", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter"];

    private static readonly string[] EntryParameters =
        ["$id", "$connection", "$kind", "$key", "$status", "$message", "$updated_at", "$title", "$order_date", "$folded_title", "$folded_message"];

    private string _folder = string.Empty;
    private SqliteDatabase? _database;
    private SqliteJournalStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-bench", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(_folder, "journal.db");
        _database = new SqliteDatabase(new SqliteStoreOptions { Path = path });
        _store = new SqliteJournalStore(_database);

        // The first read creates the schema; the rows then go in through one transaction and a prepared insert,
        // far faster than a million separate saves.
        _store.GetAsync(new JournalKey(Connection, RecordKind.Order, "0"), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Load(path);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<JournalPage> FirstPageEverything() => QueryAsync(new JournalQuery(Connection, RecordKind.Order));

    [Benchmark]
    public Task<JournalPage> FirstPageFailed() =>
        QueryAsync(new JournalQuery(Connection, RecordKind.Order) { Statuses = [JournalStatus.Failed] });

    // A common word: one entry in thirteen carries it in its title, so the total counts 76,924 matches.
    [Benchmark]
    public Task<JournalPage> FirstPageFreeTextCommon() =>
        QueryAsync(new JournalQuery(Connection, RecordKind.Order) { Text = "mustermann" });

    // The usual search: an order number, found in one entry's key and in no other text.
    [Benchmark]
    public Task<JournalPage> FirstPageFreeTextOrderNumber() =>
        QueryAsync(new JournalQuery(Connection, RecordKind.Order) { Text = "10004711" });

    [Benchmark]
    public Task<JournalPage> FirstPageOneDay() =>
        QueryAsync(new JournalQuery(Connection, RecordKind.Order) { ChangedFrom = T0 + Duration.FromDays(20), ChangedTo = T0 + Duration.FromDays(21) });

    // A page of one: what remains is essentially the total count of the whole tab.
    [Benchmark]
    public Task<JournalPage> TotalCount() => _store!.QueryAsync(new JournalQuery(Connection, RecordKind.Order), 0, 1, CancellationToken.None).AsTask();

    private Task<JournalPage> QueryAsync(JournalQuery query) => _store!.QueryAsync(query, 0, PageSize, CancellationToken.None).AsTask();

    // Spread like a real tab: 5 % failed, 5 % with a warning, 2 % queued, the rest succeeded; one change every
    // three seconds (about 35 days); the failed ones with a message; one history row each.
    private static void Load(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var entry = connection.CreateCommand();
        entry.Transaction = transaction;
        entry.CommandText = """
            INSERT INTO journal_entries (id, connection, kind, record_key, status, message, updated_at, title, order_date, attempts, version, folded_key, folded_title, folded_message)
            VALUES ($id, $connection, $kind, $key, $status, $message, $updated_at, $title, $order_date, 1, 1, $key, $folded_title, $folded_message);
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
            var key = (10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var status = (i % 100) switch
            {
                < 5 => JournalStatus.Failed,
                < 10 => JournalStatus.Warning,
                < 12 => JournalStatus.Queued,
                _ => JournalStatus.Succeeded,
            };
            var message = status == JournalStatus.Failed ? $"Tax information missing in shop order {key}" : null;
            var title = $"{FirstNames[i % FirstNames.Length]} {LastNames[i % LastNames.Length]}";
            var updatedAt = (T0 + Duration.FromSeconds(3L * i)).ToUnixTimeTicks();
            parameters["$id"].Value = i + 1;
            parameters["$connection"].Value = Connection.Value;
            parameters["$kind"].Value = (long)RecordKind.Order;
            parameters["$key"].Value = key;
            parameters["$status"].Value = (long)status;
            parameters["$message"].Value = (object?)message ?? DBNull.Value;
            parameters["$updated_at"].Value = updatedAt;
            parameters["$title"].Value = title;
            parameters["$order_date"].Value = updatedAt - Duration.FromDays(1).BclCompatibleTicks;
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
