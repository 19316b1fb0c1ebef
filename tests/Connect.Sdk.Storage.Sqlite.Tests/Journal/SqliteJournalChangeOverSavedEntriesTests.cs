using Connect.Sdk.ArticleSync;
using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Connect.Sdk.Storage.Sqlite.Tests.Journal;

/// <summary>
/// A run's outcome journaled over the entries its Running change saved (as the article batch sender does), on SQLite,
/// ends with the same entries as changes that read fresh each time on the in-memory store: random batches with repeated
/// keys, another writer between the two changes (in this process, or in another one, whose saves the store's memory of
/// the rows it read and saved does not know), and a bound of ten lines so that entries fold often. After every round
/// the index of distinct messages holds exactly the entries' messages; afterwards every entry's stored lines run without
/// a gap from its <c>earlier_lines</c>, which the SQLite store relies on for the first seq.
/// </summary>
public sealed class SqliteJournalChangeOverSavedEntriesTests : IDisposable
{
    private static readonly ConnectionId Market = new("market-1");
    private readonly SqliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RunningThenOutcomeOverTheSavedEntries_EndsAsChangesReadingFreshInMemory(int seed)
    {
        var sqlite = new SqliteJournalStore(_files.Open());
        var memory = new InMemoryJournalStore();
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 3, 8, 0));
        var overSaved = new SyncJournal(sqlite, clock, historyLines: 10);
        var otherProcess = new SyncJournal(new SqliteJournalStore(_files.Open()), clock, historyLines: 10);
        var fresh = new SyncJournal(memory, clock, historyLines: 10);
        var random = new Random(seed);
        var keys = Enumerable.Range(0, 8).Select(i => new JournalKey(Market, RecordKind.ArticleStock, $"A{i}")).ToArray();
        for (var round = 0; round < 120; round++)
        {
            var batch = Enumerable.Range(0, random.Next(1, 10)).Select(_ => keys[random.Next(keys.Length)]).ToArray();
            var running = batch.Select(k => new JournalChange(k, SyncJournal.StatusChange(JournalStatus.Running, $"sending stock {random.Next(3)}"))).ToArray();
            var started = await overSaved.ChangeManyAsync(running, known: null, createMissing: true, default);
            await fresh.ChangeManyAsync(running, known: null, createMissing: true, default);
            if (random.Next(4) == 0)
            {
                var other = batch[random.Next(batch.Length)];
                var change = SyncJournal.StatusChange(JournalStatus.Queued, "queued by a user");
                await (random.Next(2) == 0 ? overSaved : otherProcess).UpdateAsync(other, change, default);
                await fresh.UpdateAsync(other, change, default);
            }

            clock.Advance(Duration.FromMinutes(random.Next(0, 3)));
            var outcomes = batch.Select(k =>
            {
                var status = random.Next(3) switch { 0 => JournalStatus.Failed, 1 => JournalStatus.Succeeded, _ => JournalStatus.Warning };
                return new JournalChange(k, new ArticleOutcome(k.RecordKey, null, status, $"outcome {random.Next(2)}", BackOff: status == JournalStatus.Failed).Change);
            }).ToArray();
            await overSaved.ChangeManyAsync(outcomes, started, createMissing: true, default);
            await fresh.ChangeManyAsync(outcomes, known: null, createMissing: true, default);
            clock.Advance(Duration.FromMinutes(random.Next(0, 3)));

            foreach (var key in keys)
            {
                var expected = await memory.GetAsync(key, default);
                var actual = await sqlite.GetAsync(key, default);
                Assert.Equal(expected is null, actual is null);
                if (expected is not null && actual is not null)
                {
                    Assert.Equal(expected.History, actual.History);
                    Assert.Equal(expected with { History = [] }, actual with { History = [] });
                }
            }

            await StoredMessages.AssertInStepWithTheEntriesAsync(_files.DefaultPath);
        }

        Assert.True(await StoredLinesStartAtEarlierLinesAsync() > 0, "no entry folded, so the bound was never exercised");
    }

    // Returns how many entries folded lines; fails when an entry's stored lines do not run from earlier_lines without a gap.
    private async Task<int> StoredLinesStartAtEarlierLinesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_files.DefaultPath};Pooling=false");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "SELECT e.earlier_lines, MIN(h.seq), MAX(h.seq), COUNT(h.seq) FROM journal_entries e LEFT JOIN journal_history h ON h.entry_id = e.id GROUP BY e.id;";
        await using var reader = await check.ExecuteReaderAsync();
        var folded = 0;
        while (await reader.ReadAsync())
        {
            var earlier = reader.GetInt64(0);
            folded += earlier > 0 ? 1 : 0;
            if (!reader.IsDBNull(1))
            {
                Assert.Equal(earlier, reader.GetInt64(1));
                Assert.Equal(reader.GetInt64(3), reader.GetInt64(2) - reader.GetInt64(1) + 1);
            }
        }

        return folded;
    }
}
