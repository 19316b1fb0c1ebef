using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Sync;
using NodaTime;
using Xunit;
using static Connect.Sdk.Testing.Stores.StoreContractHelpers;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IOrderStatusOutbox"/>: derive a test class in the store's test project from the
/// shell that makes each check a test (<see cref="OrderStatusOutboxContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.OrderStatusOutboxContract</c> for xUnit v3) and supply a fresh, empty outbox.
/// Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out a second outbox over the same
/// storage (a second worker process), so that the ERP's changes and a worker's export race through two instances.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class OrderStatusOutboxChecks : FencedStoreContract<IOrderStatusOutbox>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly ConnectionId OtherShop = new("store-kit-other");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    /// <summary>An order the ERP never reported has no entry, and an empty outbox has nothing pending.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_NeverReported_ReturnsNull()
    {
        var outbox = await CreateStoreAsync();

        Assert.Null(await outbox.GetAsync(Shop, "1001", CancellationToken.None));
        Assert.Empty(await ToListAsync(outbox.ListPendingAsync(Shop, CancellationToken.None)));
    }

    /// <summary>Each reported change replaces the latest state and raises the sequence by one; the entry is pending.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task RecordChange_SeveralChanges_CoalesceIntoOneEntryWithASequenceRaisedByOneEach()
    {
        var outbox = await CreateStoreAsync();

        var first = await outbox.RecordChangeAsync(Shop, Update("1001", OrderStatus.Open), T0, CancellationToken.None);
        var second = await outbox.RecordChangeAsync(Shop, Update("1001", OrderStatus.PartiallyShipped), T0 + Duration.FromMinutes(1), CancellationToken.None);
        var third = await outbox.RecordChangeAsync(Shop, Update("1001", OrderStatus.Shipped), T0 + Duration.FromMinutes(2), CancellationToken.None);

        Assert.True(first.IsPending, "A reported change must be pending.");
        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal(second.Sequence + 1, third.Sequence);
        var read = await outbox.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(third.Sequence, read.Sequence);
        Assert.Equal(OrderStatus.Shipped, read.Latest.Status);
        Assert.True(read.IsPending);
        Assert.Equal("1001", Assert.Single(await ToListAsync(outbox.ListPendingAsync(Shop, CancellationToken.None))).OrderNumber);
    }

    /// <summary>Pending entries are listed per connection, oldest change first; handled ones are not listed.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task ListPending_SeveralOrders_ListsUnhandledOnesOldestChangeFirst()
    {
        var outbox = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(outbox);
        await outbox.RecordChangeAsync(Shop, Update("C", OrderStatus.Shipped), T0 + Duration.FromMinutes(3), CancellationToken.None);
        await outbox.RecordChangeAsync(Shop, Update("A", OrderStatus.Shipped), T0 + Duration.FromMinutes(1), CancellationToken.None);
        var handled = await outbox.RecordChangeAsync(Shop, Update("B", OrderStatus.Shipped), T0 + Duration.FromMinutes(2), CancellationToken.None);
        await outbox.RecordChangeAsync(Shop, Update("D", OrderStatus.Shipped), T0 + Duration.FromMinutes(4), CancellationToken.None);
        await outbox.RecordChangeAsync(OtherShop, Update("X", OrderStatus.Shipped), T0, CancellationToken.None);
        await outbox.MarkHandledAsync(handled, exported: true, T0 + Duration.FromMinutes(5), lease, CancellationToken.None);

        var pending = await ToListAsync(outbox.ListPendingAsync(Shop, CancellationToken.None));

        Assert.Equal(["A", "C", "D"], pending.Select(p => p.OrderNumber).ToArray());
    }

    /// <summary>An exported entry is no longer pending and remembers its state as the last exported one.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task MarkHandled_Exported_RemembersTheStateAndIsNoLongerPending()
    {
        var outbox = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(outbox);
        var read = await outbox.RecordChangeAsync(Shop, Update("1001", OrderStatus.Shipped), T0, CancellationToken.None);
        var at = T0 + Duration.FromMinutes(5);

        var marked = await outbox.MarkHandledAsync(read, exported: true, at, lease, CancellationToken.None);

        var stored = await outbox.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(stored);
        foreach (var entry in new[] { marked, stored })
        {
            Assert.False(entry.IsPending);
            Assert.Equal(read.Sequence, entry.HandledSequence);
            Assert.Equal(OrderStatus.Shipped, entry.LastExported?.Status);
            Assert.Equal(at, entry.ExportedAt);
        }

        Assert.Empty(await ToListAsync(outbox.ListPendingAsync(Shop, CancellationToken.None)));
    }

    /// <summary>An entry handled without export is no longer pending and has no exported state.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task MarkHandled_NotExported_IsNoLongerPendingWithoutAnExportedState()
    {
        var outbox = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(outbox);
        var read = await outbox.RecordChangeAsync(Shop, Update("1001", OrderStatus.Shipped), T0, CancellationToken.None);

        var marked = await outbox.MarkHandledAsync(read, exported: false, T0 + Duration.FromMinutes(5), lease, CancellationToken.None);

        Assert.False(marked.IsPending);
        Assert.Null(marked.LastExported);
        Assert.Null(marked.ExportedAt);
        var stored = await outbox.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.False(stored.IsPending);
        Assert.Null(stored.LastExported);
    }

    /// <summary>
    /// A change recorded after the run read the entry keeps its higher sequence and stays pending; the state the run
    /// exported is remembered as exported, the newer one as latest.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task MarkHandled_ChangeRecordedAfterTheRead_StaysPending()
    {
        var outbox = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(outbox);
        var read = await outbox.RecordChangeAsync(Shop, Update("1001", OrderStatus.PartiallyShipped), T0, CancellationToken.None);
        var newer = await outbox.RecordChangeAsync(Shop, Update("1001", OrderStatus.Shipped), T0 + Duration.FromMinutes(1), CancellationToken.None);

        var marked = await outbox.MarkHandledAsync(read, exported: true, T0 + Duration.FromMinutes(2), lease, CancellationToken.None);

        Assert.True(marked.IsPending, "A change recorded after the read must stay pending.");
        Assert.Equal(newer.Sequence, marked.Sequence);
        Assert.Equal(read.Sequence, marked.HandledSequence);
        Assert.Equal(OrderStatus.Shipped, marked.Latest.Status);
        Assert.Equal(OrderStatus.PartiallyShipped, marked.LastExported?.Status);
        Assert.Equal("1001", Assert.Single(await ToListAsync(outbox.ListPendingAsync(Shop, CancellationToken.None))).OrderNumber);
    }

    /// <summary>Marking an older read handled after a newer one never lowers the handled sequence.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task MarkHandled_OlderReadAfterANewerOne_NeverLowersTheHandledSequence()
    {
        var outbox = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(outbox);
        var older = await outbox.RecordChangeAsync(Shop, Update("1001", OrderStatus.PartiallyShipped), T0, CancellationToken.None);
        var newer = await outbox.RecordChangeAsync(Shop, Update("1001", OrderStatus.Shipped), T0 + Duration.FromMinutes(1), CancellationToken.None);
        await outbox.MarkHandledAsync(newer, exported: false, T0 + Duration.FromMinutes(2), lease, CancellationToken.None);

        var marked = await outbox.MarkHandledAsync(older, exported: false, T0 + Duration.FromMinutes(3), lease, CancellationToken.None);

        Assert.Equal(newer.Sequence, marked.HandledSequence);
        Assert.False(marked.IsPending);
        Assert.Equal(newer.Sequence, (await outbox.GetAsync(Shop, "1001", CancellationToken.None))?.HandledSequence);
    }

    /// <summary>Changes reported at once through two instances are all counted: no sequence is handed out twice.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task RecordChange_ConcurrentChangesThroughTwoInstances_NoChangeIsLost()
    {
        const int ChangesEach = 50;
        var outbox = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(outbox);
        var first = await outbox.RecordChangeAsync(Shop, Update("1001", OrderStatus.Open), T0, CancellationToken.None);

        var results = await RaceAsync(
            async () => await RecordManyAsync(outbox),
            async () => await RecordManyAsync(other));

        var sequences = results.SelectMany(r => r).ToArray();
        Assert.Equal(sequences.Length, sequences.Distinct().Count());
        Assert.Equal(first.Sequence + (2 * ChangesEach), (await outbox.GetAsync(Shop, "1001", CancellationToken.None))?.Sequence);

        static async Task<List<long>> RecordManyAsync(IOrderStatusOutbox instance)
        {
            var sequences = new List<long>();
            for (var i = 0; i < ChangesEach; i++)
            {
                sequences.Add((await instance.RecordChangeAsync(Shop, Update("1001", OrderStatus.Shipped), T0 + Duration.FromSeconds(i), CancellationToken.None)).Sequence);
            }

            return sequences;
        }
    }

    /// <summary>
    /// A worker marking an entry handled while the ERP reports a new change through another instance never loses the
    /// change: after both, the entry is pending and holds the newest state.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task MarkHandled_RacingANewChangeOnAnotherInstance_TheChangeStaysPending()
    {
        var outbox = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(outbox);
        var other = await CreateSecondInstanceAsync(outbox);

        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var number = "R-" + round;
            var read = await outbox.RecordChangeAsync(Shop, Update(number, OrderStatus.PartiallyShipped), T0, CancellationToken.None);
            await RaceAsync(
                async () => await outbox.MarkHandledAsync(read, exported: true, T0 + Duration.FromMinutes(1), lease, CancellationToken.None),
                async () => await other.RecordChangeAsync(Shop, Update(number, OrderStatus.Shipped), T0 + Duration.FromMinutes(1), CancellationToken.None));

            var stored = await other.GetAsync(Shop, number, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.True(stored.IsPending, $"Round {round}: the change reported during the export is not pending.");
            Assert.Equal(OrderStatus.Shipped, stored.Latest.Status);
            Assert.Equal(read.Sequence + 1, stored.Sequence);
        }
    }

    /// <summary>
    /// Fencing: a worker whose lease lapsed and was taken over cannot mark an entry handled or exported; the entry stays
    /// pending for the current holder, whose call is accepted.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task MarkHandled_LeaseTakenOverByAnotherWorker_IsRefusedAndTheEntryStaysPending()
    {
        var outbox = await CreateStoreAsync();
        var (stale, current) = await TakeOverAsync(outbox);
        var entry = await outbox.RecordChangeAsync(Shop, Update("1001", OrderStatus.Shipped), T0, CancellationToken.None);

        await Assert.ThrowsAsync<LeaseLostException>(() => outbox.MarkHandledAsync(entry, exported: true, T0 + Duration.FromMinutes(1), stale, CancellationToken.None).AsTask());

        var read = await outbox.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(read);
        Assert.True(read.IsPending);
        Assert.Null(read.LastExported);
        var marked = await outbox.MarkHandledAsync(entry, exported: true, T0 + Duration.FromMinutes(1), current, CancellationToken.None);
        Assert.False(marked.IsPending);
    }

    private static OrderStatusUpdate Update(string orderNumber, OrderStatus status) => new(orderNumber, "900" + orderNumber, status, []);
}
