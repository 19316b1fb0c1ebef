using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite.Journal;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Journal;

/// <summary>
/// The SQLite journal store remembers the rows of the entries it read or saved (<see cref="JournalRowMemory"/>), so that
/// their saves need not read them again: a remembered row another writer has saved over since is refused like a stale
/// read, a save that rolled back is never remembered, and the last two lines are left alone only where they are stored
/// as the entry has them.
/// </summary>
public sealed class SqliteJournalRowMemoryTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    private readonly SqliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task TrySaveMany_EntryReadHereThenSavedByAnotherProcess_IsRefusedAndTheOthersAreSaved()
    {
        var store = new SqliteJournalStore(_files.Open());
        var otherProcess = new SqliteJournalStore(_files.Open());
        await store.AddMissingAsync([Mapped("A-1"), Mapped("A-2"), Mapped("A-3")], CancellationToken.None);
        var read = await store.GetManyToChangeAsync([Key("A-1"), Key("A-2"), Key("A-3")], CancellationToken.None);
        var theirs = await otherProcess.GetAsync(Key("A-2"), CancellationToken.None);
        Assert.NotNull(await otherProcess.TrySaveAsync(Changed(theirs!, JournalStatus.Failed, "theirs"), CancellationToken.None));

        var saved = await store.TrySaveManyAsync(read.Select(e => Changed(e, JournalStatus.Succeeded, "ours " + e.Key.RecordKey)).ToArray(), CancellationToken.None);

        Assert.Equal([true, false, true], saved.Select(e => e is not null));
        var stored = await store.GetManyAsync([Key("A-1"), Key("A-2"), Key("A-3")], CancellationToken.None);
        Assert.Equal(
            [("A-1", "ours A-1", 2), ("A-2", "theirs", 2), ("A-3", "ours A-3", 2)],
            stored.OrderBy(e => e.Key.RecordKey, StringComparer.Ordinal).Select(e => (e.Key.RecordKey, e.Message, e.History.Count)));
        Assert.Equal(["mapped", "theirs"], stored.Single(e => e.Key.RecordKey == "A-2").History.Select(l => l.Message));
        await StoredMessages.AssertInStepWithTheEntriesAsync(_files.DefaultPath);
        Assert.DoesNotContain("ours a-2", await StoredMessages.ReadAsync(_files.DefaultPath));
    }

    [Fact]
    public async Task TrySave_SavedHereThenByAnotherProcess_ASaveOfTheirEntryWritesTheirHistoryNotTheRolledBackOne()
    {
        var store = new SqliteJournalStore(_files.Open());
        var otherProcess = new SqliteJournalStore(_files.Open());
        var mapped = await store.TrySaveAsync(Mapped("A-1"), CancellationToken.None);
        var second = await store.TrySaveAsync(Mapped("A-2"), CancellationToken.None);
        Assert.NotNull(mapped);
        Assert.NotNull(second);

        // A batch that fails as a whole: A-1's change was written in the transaction before A-2's, whose lines the store
        // does not hold, failed it; the transaction rolled back.
        var unknownLines = Changed(second, JournalStatus.Failed, "never committed") with { HistoryLinesNotRead = 5 };
        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await store.TrySaveManyAsync([Changed(mapped, JournalStatus.Running, "never committed"), unknownLines], CancellationToken.None));
        var unchanged = await store.GetAsync(Key("A-1"), CancellationToken.None);
        Assert.Equal(("mapped", mapped.Version, 1), (unchanged?.Message, unchanged?.Version, unchanged?.History.Count));

        // The other process saves A-1 at the version the rolled-back save would have given it, with other lines.
        var theirs = await otherProcess.GetAsync(Key("A-1"), CancellationToken.None);
        var savedThere = await otherProcess.TrySaveAsync(Changed(Changed(theirs!, JournalStatus.Failed, "theirs 1"), JournalStatus.Failed, "theirs 2"), CancellationToken.None);
        Assert.NotNull(savedThere);
        Assert.Equal(mapped.Version + 1, savedThere.Version);

        var savedHere = await store.TrySaveAsync(Changed(savedThere, JournalStatus.Succeeded, "ours"), CancellationToken.None);

        Assert.NotNull(savedHere);
        var stored = await store.GetAsync(Key("A-1"), CancellationToken.None);
        Assert.Equal(["mapped", "theirs 1", "theirs 2", "ours"], stored!.History.Select(l => l.Message));
        Assert.Equal(savedHere.History, stored.History);
        await StoredMessages.AssertInStepWithTheEntriesAsync(_files.DefaultPath);
    }

    [Fact]
    public async Task TrySave_RepeatCountedOnTheLastLineOfASavedEntry_StoresTheCount()
    {
        var store = new SqliteJournalStore(_files.Open());
        var saved = await store.TrySaveAsync(Mapped("A-1"), CancellationToken.None);
        saved = await store.TrySaveAsync(Changed(saved!, JournalStatus.Failed, "timeout"), CancellationToken.None);
        var repeatedAt = T0 + Duration.FromHours(1);
        var lastLine = saved!.History[^1];

        saved = await store.TrySaveAsync(saved with { History = [.. saved.History.SkipLast(1), lastLine with { Repeats = 1, LastRepeatedAt = repeatedAt }] }, CancellationToken.None);

        Assert.NotNull(saved);
        var stored = await store.GetAsync(Key("A-1"), CancellationToken.None);
        Assert.Equal((1, repeatedAt), (stored!.History[^1].Repeats, stored.History[^1].LastRepeatedAt));
    }

    [Fact]
    public void StoredEntryRow_OfAnEntryReadWithoutItsOlderLines_PlacesItsLinesAfterThoseAndTheFoldedOnes()
    {
        var lines = Enumerable.Range(0, 3).Select(i => new JournalStatusChange(T0 + Duration.FromMinutes(i), JournalStatus.Running, JournalStatus.Succeeded, $"sent {i}")).ToArray();
        var entry = Mapped("A-1") with
        {
            Message = "Sent 2",
            EarlierHistory = new JournalHistorySummary { Lines = 10, Changes = 10, Failures = 0, FailuresInARow = 0, From = T0, To = T0, FirstStatus = JournalStatus.NotSynced },
            HistoryLinesNotRead = 5,
            History = lines,
        };

        var row = StoredEntryRow.Of(42, entry);

        Assert.Equal((42L, 10, 18, "SENT 2", true), (row.Id, row.FirstLine, row.EndLine, row.FoldedMessage, row.Remembered));
        Assert.True(row.Holds(17, lines[2]));
        Assert.True(row.Holds(16, lines[1] with { }));
        Assert.False(row.Holds(16, lines[1] with { Repeats = 1 }));
        Assert.False(row.Holds(15, lines[0]));
        Assert.False(new StoredEntryRow(42, 10, 18, null).Holds(17, lines[2]));
    }

    [Fact]
    public void Remember_AtCapacity_ForgetsEverythingBeforeItRemembersTheNext()
    {
        var memory = new JournalRowMemory(capacity: 2);
        memory.Remember(1, Mapped("A-1"));
        memory.Remember(2, Mapped("A-2"));

        memory.Remember(3, Mapped("A-3"));

        Assert.Equal(1, memory.Count);
        Assert.False(memory.TryTake(Mapped("A-1"), out _));
        Assert.True(memory.TryTake(Mapped("A-3"), out var row));
        Assert.Equal(3, row.Id);
        Assert.False(memory.TryTake(Mapped("A-3"), out _));
    }

    private static JournalKey Key(string key) => new(Shop, RecordKind.ArticleStock, key);

    private static JournalEntry Mapped(string key) => new()
    {
        Key = Key(key),
        UpdatedAt = T0,
        Message = "mapped",
        History = [new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.NotSynced, "mapped")],
    };

    private static JournalEntry Changed(JournalEntry entry, JournalStatus status, string message)
    {
        var at = entry.UpdatedAt + Duration.FromMinutes(10);
        return entry with
        {
            Status = status,
            Message = message,
            UpdatedAt = at,
            History = [.. entry.History, new JournalStatusChange(at, entry.Status, status, message)],
        };
    }
}

