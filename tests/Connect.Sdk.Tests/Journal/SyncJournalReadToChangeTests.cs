using Connect.Sdk.Journal;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Tests.Journal;

public sealed class SyncJournalReadToChangeTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 3, 8, 0);
    private static readonly ConnectionId Market = new("market-1");

    [Fact]
    public async Task UpdateMany_StoreReadsTheNewestLinesOnly_ReadsWholeOnlyTheEntriesWhoseChangeFoldsAndSavesWhatAWholeReadWould()
    {
        var clock = new FakeClock(T0);
        var tails = new ReadRecordingJournalStore(new InMemoryJournalStore());
        var wholes = new InMemoryJournalStore();
        var atTheBound = Key("A-1");
        var short_ = Key("A-2");
        foreach (var store in new IJournalStore[] { tails, wholes })
        {
            await store.TrySaveAsync(Sent(atTheBound, runs: 5), default); // "mapped" and 5 runs of two lines: 11 lines, one over a bound of 10 after the next
            await store.TrySaveAsync(Sent(short_, runs: 1), default);
        }

        clock.Advance(Duration.FromHours(1));
        var change = SyncJournal.StatusChange(JournalStatus.Running, "sending stock 7");
        await new SyncJournal(tails, clock, historyLines: 11).UpdateManyAsync([atTheBound, short_], change, default);
        await new SyncJournal(wholes, clock, historyLines: 11).UpdateManyAsync([atTheBound, short_], change, default);

        Assert.Equal([atTheBound, short_], tails.ReadToChange.OrderBy(k => k.RecordKey, StringComparer.Ordinal));
        Assert.Equal([atTheBound], tails.ReadWhole);
        foreach (var key in new[] { atTheBound, short_ })
        {
            var fromTails = await tails.GetAsync(key, default);
            var fromWholes = await wholes.GetAsync(key, default);
            Assert.NotNull(fromTails);
            Assert.NotNull(fromWholes);
            Assert.Equal(fromWholes.History, fromTails.History);
            Assert.Equal(fromWholes with { History = [] }, fromTails with { History = [] });
        }

        var folded = await tails.GetAsync(atTheBound, default);
        Assert.Equal((12, 3, 9), (folded!.HistoryLineCount, folded.EarlierHistory?.Lines, folded.History.Count));
    }

    [Fact]
    public void Apply_EntryReadWithoutItsOlderLinesPastTheBound_Throws()
    {
        var entry = Sent(Key("A-1"), runs: 5) with { HistoryLinesNotRead = 6 };
        var tail = entry with { History = entry.History.Skip(6).ToArray() };

        var bound = new JournalHistoryBound(10);

        Assert.True(bound.NeedsWholeHistory(tail));
        Assert.Throws<InvalidOperationException>(() => bound.Apply(tail));
    }

    private static JournalKey Key(string article) => new(Market, RecordKind.ArticleStock, article);

    // "mapped", then runs that each sent the stock: Running and Succeeded lines in turn, five minutes apart.
    private static JournalEntry Sent(JournalKey key, int runs)
    {
        var entry = new JournalEntry { Key = key, UpdatedAt = T0 }.WithStatus(JournalStatus.NotSynced, "mapped", T0);
        for (var run = 1; run <= runs; run++)
        {
            var at = T0 + Duration.FromMinutes(5 * run);
            entry = entry.WithStatus(JournalStatus.Running, $"sending stock {run}", at).WithStatus(JournalStatus.Succeeded, $"sent {run}", at + Duration.FromSeconds(3));
        }

        return entry;
    }

    // Forwards to a store and records which keys were read to change them and which whole.
    private sealed class ReadRecordingJournalStore(IJournalStore inner) : IJournalStore
    {
        public List<JournalKey> ReadToChange { get; } = [];

        public List<JournalKey> ReadWhole { get; } = [];

        public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken) => inner.TrySaveAsync(entry, cancellationToken);

        public ValueTask<IReadOnlyList<JournalEntry>> GetManyAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken)
        {
            ReadWhole.AddRange(keys);
            return inner.GetManyAsync(keys, cancellationToken);
        }

        public ValueTask<IReadOnlyList<JournalEntry>> GetManyToChangeAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken)
        {
            ReadToChange.AddRange(keys);
            return inner.GetManyToChangeAsync(keys, cancellationToken);
        }

        public ValueTask<IReadOnlyList<JournalEntry?>> TrySaveManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken) =>
            inner.TrySaveManyAsync(entries, cancellationToken);

        public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken) =>
            inner.QueryAsync(query, skip, take, cancellationToken);

        public IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, CancellationToken cancellationToken) => inner.ListKeysAsync(query, cancellationToken);

        public IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, CancellationToken cancellationToken) => inner.ListAsync(connection, cancellationToken);
    }
}
