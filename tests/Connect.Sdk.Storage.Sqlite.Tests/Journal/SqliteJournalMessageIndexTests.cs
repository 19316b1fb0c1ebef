using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite.Journal;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Journal;

/// <summary>
/// The SQLite journal indexes each distinct message once (<c>journal_messages</c>): a message stays while an entry holds
/// it, goes with the last entry that gives it up, and a free-text search finds every entry of a matching message, in
/// the searched tab only.
/// </summary>
public sealed class SqliteJournalMessageIndexTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    private readonly SqliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task TrySaveMany_LastEntryGivesUpAMessage_TheMessageGoesAndSearchesFollowTheEntries()
    {
        var store = new SqliteJournalStore(_files.Open());
        await store.AddMissingAsync([Entry("A1", "sending stock 7"), Entry("A2", "sending stock 7"), Entry("A3", "sending stock 8")], CancellationToken.None);
        var stored = await store.GetManyAsync([Key("A1"), Key("A2"), Key("A3")], CancellationToken.None);

        await store.TrySaveManyAsync([Sent(stored[0], "sent 7")], CancellationToken.None);
        var whileOneHoldsIt = await StoredMessages.ReadAsync(_files.DefaultPath);
        var foundWhileOneHoldsIt = await FoundAsync(store, "sending stock 7");
        await store.TrySaveManyAsync([Sent(stored[1], "sent 7"), Sent(stored[2], "sent 8")], CancellationToken.None);

        Assert.Equal(["SENDING STOCK 7", "SENDING STOCK 8", "SENT 7"], whileOneHoldsIt);
        Assert.Equal("A2", foundWhileOneHoldsIt);
        Assert.Equal(["SENT 7", "SENT 8"], await StoredMessages.ReadAsync(_files.DefaultPath));
        Assert.Equal((string.Empty, "A1 A2", "A1 A2 A3"), (await FoundAsync(store, "sending"), await FoundAsync(store, "sent 7"), await FoundAsync(store, "sent")));
        await StoredMessages.AssertInStepWithTheEntriesAsync(_files.DefaultPath);
    }

    [Fact]
    public async Task TrySave_SingleEntryChangesItsMessage_TheOldOneGoesAndAMessageWithoutAnyStays()
    {
        var store = new SqliteJournalStore(_files.Open());
        var first = await store.TrySaveAsync(Entry("A1", "sending stock 7"), CancellationToken.None);
        Assert.NotNull(first);

        var second = await store.TrySaveAsync(Sent(first, "sent 7"), CancellationToken.None);
        Assert.NotNull(second);
        await store.TrySaveAsync(Sent(second, null), CancellationToken.None);

        Assert.Empty(await StoredMessages.ReadAsync(_files.DefaultPath));
        Assert.Equal(string.Empty, await FoundAsync(store, "sent"));
        await StoredMessages.AssertInStepWithTheEntriesAsync(_files.DefaultPath);
    }

    [Fact]
    public async Task QueryPage_SameMessageInTwoTabs_FindsOnlyTheSearchedTabsEntry()
    {
        var store = new SqliteJournalStore(_files.Open());
        var other = new ConnectionId("other-shop");
        await store.AddMissingAsync([Entry("A1", "tax missing"), Entry("A2", "tax missing") with { Key = new JournalKey(other, RecordKind.ArticleStock, "A2") }], CancellationToken.None);

        var page = await store.QueryPageAsync(new JournalQuery(other, RecordKind.ArticleStock) { Text = "tax" }, JournalPageRequest.First(10), CancellationToken.None);

        Assert.Equal("A1", await FoundAsync(store, "tax"));
        Assert.Equal(["A2"], page.Entries.Select(e => e.Key.RecordKey));
        Assert.Equal((1, false), (page.TotalCount, page.TotalIsEstimate));
        Assert.Equal(["TAX MISSING"], await StoredMessages.ReadAsync(_files.DefaultPath));
    }

    [Fact]
    public async Task Migrate_JournalOfThePackageWithAMessagePerEntry_IndexesEachMessageOnceAndFindsEveryEntry()
    {
        await _files.WriteJournalBeforeAsync(7, $"""
            INSERT INTO journal_entries (id, connection, kind, record_key, status, message, updated_at, attempts, version, folded_key, folded_message) VALUES
                (7, 'shop', {(long)RecordKind.ArticleStock}, 'A1', {(long)JournalStatus.Failed}, 'tax missing', {T0.ToUnixTimeTicks()}, 1, 1, 'A1', 'TAX MISSING'),
                (8, 'shop', {(long)RecordKind.ArticleStock}, 'A2', {(long)JournalStatus.Failed}, 'tax missing', {T0.ToUnixTimeTicks()}, 1, 1, 'A2', 'TAX MISSING'),
                (9, 'shop', {(long)RecordKind.ArticleStock}, 'A3', {(long)JournalStatus.Succeeded}, NULL, {T0.ToUnixTimeTicks()}, 1, 1, 'A3', NULL);
            INSERT INTO journal_history (entry_id, seq, at, from_status, to_status, message) VALUES
                (7, 0, {T0.ToUnixTimeTicks()}, 0, {(long)JournalStatus.Failed}, 'tax missing'),
                (8, 0, {T0.ToUnixTimeTicks()}, 0, {(long)JournalStatus.Failed}, 'tax missing'),
                (9, 0, {T0.ToUnixTimeTicks()}, 0, {(long)JournalStatus.Succeeded}, NULL);
            """);

        var store = new SqliteJournalStore(_files.Open());

        Assert.Equal("A1 A2", await FoundAsync(store, "tax"));
        Assert.Equal(["TAX MISSING"], await StoredMessages.ReadAsync(_files.DefaultPath));
        await StoredMessages.AssertInStepWithTheEntriesAsync(_files.DefaultPath);
    }

    [Fact]
    public async Task Query_TextInTitleAndMessageOfTheSameEntries_CountsEachOnceWithAndWithoutAStatus()
    {
        var store = new SqliteJournalStore(_files.Open());
        await store.AddMissingAsync(
            [Entry("A1", "refused: Mustermann") with { Title = "Mustermann shirt" }, Entry("A2", "refused: Mustermann"), Entry("A3", "sent") with { Title = "Mustermann socks" }],
            CancellationToken.None);

        var all = await store.QueryAsync(new JournalQuery(Shop, RecordKind.ArticleStock) { Text = "mustermann" }, 0, 10, CancellationToken.None);
        var running = await store.QueryAsync(new JournalQuery(Shop, RecordKind.ArticleStock) { Text = "mustermann", Statuses = [JournalStatus.Running] }, 0, 10, CancellationToken.None);

        Assert.Equal((3, 3), (all.TotalCount, all.Entries.Count));
        Assert.Equal((3, 3), (running.TotalCount, running.Entries.Count));
    }

    [Fact]
    public async Task Probe_ManyMessagesOfAnotherTabHoldTheText_TakesTheTabInOrder()
    {
        var database = _files.Open();
        var store = new SqliteJournalStore(database);
        var other = new ConnectionId("other-shop");
        await store.AddMissingAsync(
            [.. Enumerable.Range(0, JournalTextRoute.Probe).Select(i => Entry($"B{i}", $"tax information missing in order {i}") with { Key = new JournalKey(other, RecordKind.ArticleStock, $"B{i}") }), Entry("A1", "tax information missing")],
            CancellationToken.None);
        var filter = JournalFilter.From(new JournalQuery(Shop, RecordKind.ArticleStock) { Text = "tax information" });

        var few = await database.ReadAsync(
            async (db, ct) =>
            {
                await using var snapshot = db.BeginTransaction(deferred: true);
                return await JournalTextRoute.FewCandidatesAsync(db, snapshot, filter, ct);
            },
            CancellationToken.None);

        Assert.False(few);
        Assert.Equal("A1", await FoundAsync(store, "tax information"));
    }

    [Fact]
    public async Task RemoveUnheld_PlanLooksEachMessageUpOnTheIndexes()
    {
        var database = _files.Open();
        await new SqliteJournalStore(database).GetAsync(Key("A1"), CancellationToken.None);

        var plan = await SqliteQueryPlans.ExplainAsync(database, JournalMessages.RemoveUnheldSql(2));

        Assert.Contains(plan, line => line.StartsWith("SEARCH journal_messages USING", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.StartsWith("SEARCH journal_entries USING COVERING INDEX journal_entries_message (folded_message=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN journal_", StringComparison.Ordinal));
    }

    private static JournalKey Key(string article) => new(Shop, RecordKind.ArticleStock, article);

    private static JournalEntry Entry(string article, string message) => new()
    {
        Key = Key(article),
        UpdatedAt = T0,
        Status = JournalStatus.Running,
        Message = message,
        History = [new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.Running, message)],
    };

    private static JournalEntry Sent(JournalEntry entry, string? message)
    {
        var at = entry.UpdatedAt + Duration.FromMinutes(1);
        return entry with
        {
            Status = JournalStatus.Succeeded,
            Message = message,
            UpdatedAt = at,
            History = [.. entry.History, new JournalStatusChange(at, entry.Status, JournalStatus.Succeeded, message)],
        };
    }

    // The record keys of a search's first page in the article tab, in page order, separated by spaces.
    private static async Task<string> FoundAsync(SqliteJournalStore store, string text)
    {
        var page = await store.QueryPageAsync(new JournalQuery(Shop, RecordKind.ArticleStock) { Text = text }, JournalPageRequest.First(10), CancellationToken.None);
        return string.Join(' ', page.Entries.Select(e => e.Key.RecordKey).Order(StringComparer.Ordinal));
    }
}
