using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Tests.Journal;

public sealed class InMemoryJournalStoreTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly JournalKey Key = new(new ConnectionId("shopify-de"), RecordKind.Order, "1001");

    [Fact]
    public async Task TrySave_NewEntry_IsStoredWithVersionOne()
    {
        var store = new InMemoryJournalStore();

        var saved = await store.TrySaveAsync(new JournalEntry { Key = Key, UpdatedAt = T0 }, CancellationToken.None);

        Assert.Equal(1, saved!.Version);
        Assert.Equal(JournalStatus.NotSynced, (await store.GetAsync(Key, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task TrySave_StaleVersion_LosesToTheFirstWriter()
    {
        var store = new InMemoryJournalStore();
        var stored = (await store.TrySaveAsync(new JournalEntry { Key = Key, UpdatedAt = T0 }, CancellationToken.None))!;
        var first = stored.WithStatus(JournalStatus.Running, null, T0 + Duration.FromSeconds(1));
        var second = stored.WithStatus(JournalStatus.Failed, "lost race", T0 + Duration.FromSeconds(2));

        var firstSaved = await store.TrySaveAsync(first, CancellationToken.None);
        var secondSaved = await store.TrySaveAsync(second, CancellationToken.None);

        Assert.NotNull(firstSaved);
        Assert.Null(secondSaved);
        Assert.Equal(JournalStatus.Running, (await store.GetAsync(Key, CancellationToken.None))!.Status);
    }

    [Fact]
    public void WithStatus_AppendsTheChangeToTheHistory()
    {
        var entry = new JournalEntry { Key = Key, UpdatedAt = T0 }
            .WithStatus(JournalStatus.Queued, null, T0)
            .WithStatus(JournalStatus.Failed, "tax information missing in shop order 1001", T0 + Duration.FromMinutes(1));

        Assert.Equal(
            [(JournalStatus.NotSynced, JournalStatus.Queued), (JournalStatus.Queued, JournalStatus.Failed)],
            entry.History.Select(h => (h.From, h.To)));
        Assert.Equal("tax information missing in shop order 1001", entry.Message);
    }

    [Fact]
    public async Task List_ReturnsOnlyTheConnectionsEntries_InKeyOrder()
    {
        var store = new InMemoryJournalStore();
        var other = new ConnectionId("amazon-de");
        foreach (var key in new[] { Key with { RecordKey = "1002" }, Key, new JournalKey(other, RecordKind.Order, "1") })
        {
            await store.TrySaveAsync(new JournalEntry { Key = key, UpdatedAt = T0 }, CancellationToken.None);
        }

        var keys = new List<string>();
        await foreach (var entry in store.ListAsync(Key.Connection, CancellationToken.None))
        {
            keys.Add(entry.Key.RecordKey);
        }

        Assert.Equal(["1001", "1002"], keys);
    }
}
