using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Journal;

/// <summary>
/// The set-wise batch save of the SQLite journal (one UPDATE and one history statement for a batch, its values as one
/// JSON parameter): rows in row-id order, text stored exactly as a single save stores it, history lines rewritten,
/// folded and appended as the single save does.
/// </summary>
public sealed class SqliteJournalBatchSaveTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task TrySaveMany_EntriesInReverseKeyOrder_UpdatesTheRowsInRowIdOrder()
    {
        var database = _files.Open();
        var store = new SqliteJournalStore(database);
        var stored = new List<JournalEntry>();
        foreach (var key in new[] { "A-1", "A-2", "A-3", "A-4" })
        {
            stored.Add(await store.TrySaveAsync(Mapped(key), CancellationToken.None) ?? throw new InvalidOperationException($"Seeding {key} was refused."));
        }

        await ExecuteAsync(database, """
            CREATE TABLE updated_ids (id INTEGER NOT NULL);
            CREATE TRIGGER log_updated_id AFTER UPDATE ON journal_entries BEGIN INSERT INTO updated_ids VALUES (new.id); END;
            """);

        var saved = await store.TrySaveManyAsync(stored.AsEnumerable().Reverse().Select(e => Sent(e, "sent 7")).ToArray(), CancellationToken.None);

        Assert.All(saved, Assert.NotNull);
        var ids = await IdsAsync(database, "SELECT id FROM updated_ids ORDER BY rowid;");
        Assert.Equal(await IdsAsync(database, "SELECT id FROM journal_entries ORDER BY id;"), ids);
    }

    [Theory]
    [InlineData("bad\0value")]
    [InlineData("quotes \" and \\ backslash, tab\t and line\nbreak, \u0001 control")]
    [InlineData("Straße, 🧦 socks, 東京")]
    [InlineData("lone surrogate \uD800 here")]
    public async Task TrySaveMany_TextJsonEscapesInKeyAndValues_ReadsBackAsASingleSaveStoresIt(string text)
    {
        var store = new SqliteJournalStore(_files.Open());
        var single = await store.TrySaveAsync(Mapped("A-single " + text), CancellationToken.None);
        var batched = await store.TrySaveAsync(Mapped("A-batch " + text), CancellationToken.None);
        Assert.NotNull(single);
        Assert.NotNull(batched);
        JournalEntry WithText(JournalEntry entry) => Sent(entry, text) with { Title = text, ParentArticleNumber = text };

        await store.TrySaveAsync(WithText(single), CancellationToken.None);
        await store.TrySaveManyAsync([WithText(batched)], CancellationToken.None);

        var readSingle = await store.GetAsync(single.Key, CancellationToken.None);
        var readBatched = await store.GetAsync(batched.Key, CancellationToken.None);
        Assert.NotNull(readSingle);
        Assert.NotNull(readBatched);
        Assert.Equal(
            (readSingle.Version, readSingle.Message, readSingle.Title, readSingle.ParentArticleNumber, readSingle.History[^1].Message),
            (readBatched.Version, readBatched.Message, readBatched.Title, readBatched.ParentArticleNumber, readBatched.History[^1].Message));
        Assert.Equal(readSingle.Key.RecordKey.Replace("A-single", "A-batch", StringComparison.Ordinal), readBatched.Key.RecordKey);
        if (text.Length >= 3 && !text.Contains('\0', StringComparison.Ordinal))
        {
            var found = await store.QueryAsync(new JournalQuery(Shop, RecordKind.ArticleStock) { Text = text }, 0, 10, CancellationToken.None);
            Assert.Equal([batched.Key, single.Key], found.Entries.Select(e => e.Key).OrderBy(k => k.RecordKey, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task TrySaveMany_RepeatOnTheLastLineFoldAndNewLine_StoresTheHistoryAsASingleSave()
    {
        var store = new SqliteJournalStore(_files.Open());
        var lines = Enumerable.Range(0, 5)
            .Select(i => new JournalStatusChange(T0 + Duration.FromMinutes(i), JournalStatus.Running, JournalStatus.Failed, "refused " + i))
            .ToArray();
        var stored = await store.TrySaveAsync(Mapped("A-1") with { Status = JournalStatus.Failed, History = lines }, CancellationToken.None);
        Assert.NotNull(stored);
        var summary = new JournalHistorySummary
        {
            Lines = 2, Changes = 2, Failures = 2, FailuresInARow = 2, From = T0, To = T0 + Duration.FromMinutes(1), FirstStatus = JournalStatus.Failed, FirstMessage = "refused 0",
        };
        var repeated = lines[^1] with { Repeats = 3, LastRepeatedAt = T0 + Duration.FromHours(1) };
        var next = new JournalStatusChange(T0 + Duration.FromHours(2), JournalStatus.Failed, JournalStatus.Succeeded, "sent 7");
        var changed = stored with { Status = JournalStatus.Succeeded, EarlierHistory = summary, History = [.. lines[2..^1], repeated, next] };

        var saved = await store.TrySaveManyAsync([changed], CancellationToken.None);

        var read = await new SqliteJournalStore(_files.Open()).GetAsync(stored.Key, CancellationToken.None);
        Assert.NotNull(saved[0]);
        Assert.NotNull(read);
        Assert.Equal(stored.Version + 1, read.Version);
        Assert.Equal(summary, read.EarlierHistory);
        Assert.Equal(changed.History, read.History);
    }

    [Fact]
    public async Task TrySaveMany_MoreEntriesThanOneStatementTakes_SavesEachWithItsHistoryAndLeavesTheStaleOnes()
    {
        var store = new SqliteJournalStore(_files.Open());
        var keys = Enumerable.Range(0, 250).Select(i => $"A{i:D3}").ToArray();
        await store.AddMissingAsync(keys.Select(Mapped).ToArray(), CancellationToken.None);
        var stored = await store.GetManyAsync(keys.Select(k => new JournalKey(Shop, RecordKind.ArticleStock, k)).ToArray(), CancellationToken.None);
        var stale = new HashSet<int> { 0, 99, 100, 101, 249 };

        var saved = await store.TrySaveManyAsync(
            stored.Select((e, i) => stale.Contains(i) ? Sent(e, "stale") with { Version = e.Version + 5 } : Sent(e, "sent " + i)).ToArray(),
            CancellationToken.None);

        var read = await store.GetManyAsync(stored.Select(e => e.Key).ToArray(), CancellationToken.None);
        for (var i = 0; i < stored.Count; i++)
        {
            var entry = read.Single(e => e.Key == stored[i].Key);
            var expected = stale.Contains(i) ? ("mapped", 1, stored[i].Version) : ("sent " + i, 2, stored[i].Version + 1);
            Assert.Equal(expected, (entry.Message, entry.History.Count, entry.Version));
            Assert.Equal(stale.Contains(i), saved[i] is null);
        }

        var found = await store.QueryAsync(new JournalQuery(Shop, RecordKind.ArticleStock) { Text = "sent 10" }, 0, 20, CancellationToken.None);
        Assert.Equal(["A010", .. Enumerable.Range(102, 8).Select(i => $"A{i:D3}")], found.Entries.Select(e => e.Key.RecordKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TrySaveMany_StoredEntryTwiceInOneBatch_SavesTheFirstAndRefusesTheSecond()
    {
        var store = new SqliteJournalStore(_files.Open());
        var stored = await store.TrySaveAsync(Mapped("A-1"), CancellationToken.None);
        Assert.NotNull(stored);

        var saved = await store.TrySaveManyAsync([Sent(stored, "first"), Sent(stored, "second")], CancellationToken.None);

        Assert.NotNull(saved[0]);
        Assert.Null(saved[1]);
        var read = await store.GetAsync(stored.Key, CancellationToken.None);
        Assert.Equal(("first", stored.Version + 1), (read?.Message, read?.Version));
    }

    public void Dispose() => _files.Dispose();

    private static JournalEntry Mapped(string key) => new()
    {
        Key = new JournalKey(Shop, RecordKind.ArticleStock, key),
        UpdatedAt = T0,
        Message = "mapped",
        History = [new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.NotSynced, "mapped")],
    };

    private static JournalEntry Sent(JournalEntry entry, string message)
    {
        var at = T0 + Duration.FromMinutes(10);
        return entry with
        {
            Status = JournalStatus.Succeeded,
            Message = message,
            UpdatedAt = at,
            History = [.. entry.History, new JournalStatusChange(at, entry.Status, JournalStatus.Succeeded, message)],
        };
    }

    private static async Task ExecuteAsync(SqliteDatabase database, string sql) =>
        await database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var command = db.Command(transaction, sql);
                return await command.ExecuteNonQueryAsync(ct);
            },
            CancellationToken.None);

    private static Task<List<long>> IdsAsync(SqliteDatabase database, string sql) =>
        database.ReadAsync(
            async (db, ct) =>
            {
                await using var command = db.Command(null, sql);
                var ids = new List<long>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    ids.Add(reader.GetInt64(0));
                }

                return ids;
            },
            CancellationToken.None).AsTask();
}
