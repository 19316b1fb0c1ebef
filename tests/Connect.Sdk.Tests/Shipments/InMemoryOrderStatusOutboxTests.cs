using Connect.Sdk.Shipments;
using Connect.Sdk.Tests.Sync;
using Connect.Sdk.Tests.TestDoubles;
using NodaTime;
using static Connect.Sdk.Tests.Shipments.StatusUpdates;

namespace Connect.Sdk.Tests.Shipments;

public sealed class InMemoryOrderStatusOutboxTests
{
    private static readonly ConnectionId Connection = new("market-1");

    private static readonly Instant At = SyncHarness.Start;

    [Fact]
    public async Task RecordChange_Twice_KeepsTheLatestStateWithTheNextSequence()
    {
        var (leases, _) = await HeldLease.TakeAsync();
        var outbox = new InMemoryOrderStatusOutbox(leases);

        await outbox.RecordChangeAsync(Connection, Open("1001"), At, default);
        var second = await outbox.RecordChangeAsync(Connection, Shipped("1001", Parcel("S1", "TRK-1")), At, default);

        Assert.Equal(2, second.Sequence);
        Assert.True(second.IsPending);
        Assert.Equal(second, Assert.Single(await ToListAsync(outbox.ListPendingAsync(Connection, default))));
    }

    [Fact]
    public async Task MarkHandled_OfAnOlderRead_LeavesTheNewerChangePending()
    {
        var (leases, lease) = await HeldLease.TakeAsync();
        var outbox = new InMemoryOrderStatusOutbox(leases);
        var read = await outbox.RecordChangeAsync(Connection, Open("1001"), At, default);
        await outbox.RecordChangeAsync(Connection, Shipped("1001", Parcel("S1", "TRK-1")), At, default);

        var stored = await outbox.MarkHandledAsync(read, exported: true, At, lease, default);

        Assert.True(stored.IsPending);
        Assert.Equal((1L, 1L), (stored.HandledSequence, stored.ExportedSequence));
        Assert.Equal(Open("1001"), stored.LastExported);
        Assert.Equal(2, stored.Sequence);
    }

    [Fact]
    public async Task MarkHandled_NeverLowersTheHandledSequence_NorForgetsTheNewerExport()
    {
        var (leases, lease) = await HeldLease.TakeAsync();
        var outbox = new InMemoryOrderStatusOutbox(leases);
        var first = await outbox.RecordChangeAsync(Connection, Open("1001"), At, default);
        var second = await outbox.RecordChangeAsync(Connection, Shipped("1001", Parcel("S1", "TRK-1")), At, default);
        await outbox.MarkHandledAsync(second, exported: true, At, lease, default);

        var stored = await outbox.MarkHandledAsync(first, exported: true, At, lease, default);

        Assert.False(stored.IsPending);
        Assert.Equal((2L, 2L), (stored.HandledSequence, stored.ExportedSequence));
        Assert.Equal(second.Latest, stored.LastExported);
        Assert.Empty(await ToListAsync(outbox.ListPendingAsync(Connection, default)));
    }

    [Fact]
    public async Task ListPending_OnlyTheConnectionsPendingEntries_OldestChangeFirst()
    {
        var (leases, lease) = await HeldLease.TakeAsync();
        var outbox = new InMemoryOrderStatusOutbox(leases);
        await outbox.RecordChangeAsync(Connection, Open("1002"), At + Duration.FromMinutes(1), default);
        await outbox.RecordChangeAsync(Connection, Open("1001"), At + Duration.FromMinutes(2), default);
        await outbox.RecordChangeAsync(new ConnectionId("market-2"), Open("1003"), At, default);
        var handled = await outbox.RecordChangeAsync(Connection, Open("1004"), At, default);
        await outbox.MarkHandledAsync(handled, exported: false, At, lease, default);

        var pending = await ToListAsync(outbox.ListPendingAsync(Connection, default));

        Assert.Equal(["1002", "1001"], pending.Select(e => e.OrderNumber));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
