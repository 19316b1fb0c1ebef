using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// A 10,000-article connection's article tab in SQLite: 1,000 entries read and changed one by one (as a stock run's
/// backoff check and its status changes once did) against one batch read and one batch save. Each category has its
/// one-by-one baseline in the same run. Every change is a status change as a stock run makes it — Running with
/// "sending stock n", then Succeeded with "sent n: …" — appending a history line, with a message of its own (so the
/// full-text index changes too); past 50 lines the oldest 10 are folded, as the journal's bound does.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SqliteJournalBatchBenchmarks
{
    private const int Articles = 10_000;
    private const int Batch = 1_000;
    private const int MaxLines = 50;
    private const int FoldLines = 10;

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
            .Select(i =>
            {
                var message = $"mapped to shopifyvariantid {i} on connection shopify-de; stock not synced yet";
                return new JournalEntry
                {
                    Key = new JournalKey(Connection, RecordKind.ArticleStock, $"A{i:D5}"),
                    Status = JournalStatus.NotSynced,
                    Message = message,
                    Title = $"T-Shirt Mustermann {i % 97} rot XL",
                    UpdatedAt = T0,
                    History = [new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.NotSynced, message)],
                };
            })
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
    [BenchmarkCategory("Read")]
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
    [BenchmarkCategory("Read")]
    public async Task<int> ReadInOneBatch() => (await _store!.GetManyAsync(_keys, CancellationToken.None)).Count;

    /// <summary>1,000 status changes saved one by one: one transaction each, as a run journaled every article before.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Write")]
    public async Task<int> StatusChangesOneByOne()
    {
        var round = Interlocked.Increment(ref _round);
        var saved = 0;
        foreach (var entry in await _store!.GetManyAsync(_keys, CancellationToken.None))
        {
            saved += await _store.TrySaveAsync(Changed(entry, round), CancellationToken.None) is null ? 0 : 1;
        }

        return saved;
    }

    /// <summary>The same 1,000 status changes as one batch: one read, one <c>TrySaveManyAsync</c> (one transaction).</summary>
    [Benchmark]
    [BenchmarkCategory("Write")]
    public async Task<int> StatusChangesInOneBatch()
    {
        var round = Interlocked.Increment(ref _round);
        var entries = await _store!.GetManyAsync(_keys, CancellationToken.None);
        var saved = await _store.TrySaveManyAsync(entries.Select(e => Changed(e, round)).ToArray(), CancellationToken.None);
        return saved.Count(e => e is not null);
    }

    // Odd rounds start a send, even rounds end it; the value (and with it the message) differs every round.
    private static JournalEntry Changed(JournalEntry entry, int round)
    {
        var at = T0 + Duration.FromSeconds(round);
        var (status, message) = round % 2 == 1
            ? (JournalStatus.Running, $"sending stock {round % 1000}")
            : (JournalStatus.Succeeded, $"sent {round % 1000}: on hand {round % 1000} − reserved 0 − buffer 0 = {round % 1000}");
        var history = entry.History.Append(new JournalStatusChange(at, entry.Status, status, message)).ToArray();
        var earlier = entry.EarlierHistory;
        if (history.Length > MaxLines)
        {
            var folded = history[..FoldLines];
            earlier = new JournalHistorySummary
            {
                Lines = (earlier?.Lines ?? 0) + FoldLines,
                Changes = (earlier?.Changes ?? 0) + folded.Sum(l => l.Repeats + 1),
                Failures = earlier?.Failures ?? 0,
                FailuresInARow = 0,
                From = earlier?.From ?? folded[0].At,
                To = folded[^1].At,
                FirstStatus = earlier?.FirstStatus ?? folded[0].To,
                FirstMessage = earlier?.FirstMessage ?? folded[0].Message,
            };
            history = history[FoldLines..];
        }

        return entry with { Status = status, Message = message, UpdatedAt = at, Attempts = entry.Attempts + (round % 2), EarlierHistory = earlier, History = history };
    }
}
