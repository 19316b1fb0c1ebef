using BenchmarkDotNet.Attributes;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// A 10,000-article connection's article tab in SQLite: 1,000 entries read and rewritten one by one (as a stock run's
/// backoff check and a lifecycle change's new reason once did) against one batch read and one batch save.
/// </summary>
[MemoryDiagnoser]
public class SqliteJournalBatchBenchmarks
{
    private const int Articles = 10_000;
    private const int Batch = 1_000;

    private static readonly ConnectionId Connection = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);

    private readonly JournalKey[] _keys = Enumerable.Range(0, Batch).Select(i => new JournalKey(Connection, RecordKind.ArticleStock, $"A{i * 10:D5}")).ToArray();
    private string _folder = string.Empty;
    private SqliteDatabase? _database;
    private SqliteJournalStore? _store;
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-bench", Guid.NewGuid().ToString("N"));
        _database = new SqliteDatabase(new SqliteStoreOptions { Path = Path.Combine(_folder, "journal.db") });
        _store = new SqliteJournalStore(_database);
        var entries = Enumerable.Range(0, Articles)
            .Select(i => Entry(new JournalKey(Connection, RecordKind.ArticleStock, $"A{i:D5}"), $"mapped to shopifyvariantid {i} on connection shopify-de; stock not synced yet", T0, []))
            .ToArray();
        _store.AddMissingAsync(entries, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> ReadOneByOne()
    {
        var found = 0;
        foreach (var key in _keys)
        {
            found += await _store!.GetAsync(key, CancellationToken.None) is null ? 0 : 1;
        }

        return found;
    }

    [Benchmark]
    public async Task<int> ReadInOneBatch() => (await _store!.GetManyAsync(_keys, CancellationToken.None)).Count;

    [Benchmark]
    public async Task<int> RewriteOneByOne()
    {
        var saved = 0;
        foreach (var entry in await _store!.GetManyAsync(_keys, CancellationToken.None))
        {
            saved += await _store.TrySaveAsync(Changed(entry), CancellationToken.None) is null ? 0 : 1;
        }

        return saved;
    }

    [Benchmark]
    public async Task<int> RewriteInOneBatch()
    {
        var entries = await _store!.GetManyAsync(_keys, CancellationToken.None);
        var saved = await _store.TrySaveManyAsync(entries.Select(Changed).ToArray(), CancellationToken.None);
        return saved.Count(e => e is not null);
    }

    // A different message each round, so every save adds a history line as a changed reason does.
    private JournalEntry Changed(JournalEntry entry)
    {
        var round = Interlocked.Increment(ref _round);
        return Entry(entry.Key, $"stock not synced yet: round {round}", T0 + Duration.FromSeconds(round), entry.History) with { Version = entry.Version };
    }

    private static JournalEntry Entry(JournalKey key, string message, Instant at, IReadOnlyList<JournalStatusChange> history) => new()
    {
        Key = key,
        Status = JournalStatus.NotSynced,
        Message = message,
        UpdatedAt = at,
        History = [.. history, new JournalStatusChange(at, JournalStatus.NotSynced, JournalStatus.NotSynced, message)],
    };
}
