using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using NodaTime;
using Xunit;
using static Connect.Sdk.Testing.Stores.StoreContractHelpers;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IImportedOrderLedger"/>: derive a test class in the ledger's test project from
/// the shell that makes each check a test (<see cref="ImportedOrderLedgerContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.ImportedOrderLedgerContract</c> for xUnit v3) and supply a fresh, empty
/// ledger. Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out a second ledger over the
/// same storage (a second worker process), so that two workers race to record one order through two instances.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class ImportedOrderLedgerChecks : FencedStoreContract<IImportedOrderLedger>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    /// <summary>An order never imported has no entry.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Find_NeverImported_ReturnsNull()
    {
        var ledger = await CreateStoreAsync();

        Assert.Null(await ledger.FindAsync(Shop, "1001", CancellationToken.None));
    }

    /// <summary>Recording an order the first time succeeds, and the entry reads back as recorded.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryRecord_NewOrder_ReturnsTrueAndIsFound()
    {
        var ledger = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(ledger);
        var order = new ImportedOrder(Shop, "1001", "ERP-77", T0);

        Assert.True(await ledger.TryRecordAsync(order, lease, CancellationToken.None));
        Assert.Equal(order, await ledger.FindAsync(Shop, "1001", CancellationToken.None));
    }

    /// <summary>Recording an order again returns false and keeps the first entry.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryRecord_AlreadyRecorded_ReturnsFalseAndKeepsTheFirstEntry()
    {
        var ledger = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(ledger);
        var first = new ImportedOrder(Shop, "1001", "ERP-77", T0);
        Assert.True(await ledger.TryRecordAsync(first, lease, CancellationToken.None));

        Assert.False(await ledger.TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-78", T0 + Duration.FromHours(1)), lease, CancellationToken.None));
        Assert.False(await ledger.TryRecordAsync(first, lease, CancellationToken.None));
        Assert.Equal(first, await ledger.FindAsync(Shop, "1001", CancellationToken.None));
    }

    /// <summary>Entries belong to one connection and one order number: the same number elsewhere is a different order.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryRecord_SameNumberOnAnotherConnection_IsADifferentOrder()
    {
        var ledger = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(ledger);
        var other = new ConnectionId("store-kit-other");
        Assert.True(await ledger.TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-77", T0), lease, CancellationToken.None));

        Assert.Null(await ledger.FindAsync(other, "1001", CancellationToken.None));
        Assert.Null(await ledger.FindAsync(Shop, "1002", CancellationToken.None));
        Assert.True(await ledger.TryRecordAsync(new ImportedOrder(other, "1001", "ERP-90", T0), lease, CancellationToken.None));
        Assert.Equal("ERP-77", (await ledger.FindAsync(Shop, "1001", CancellationToken.None))?.ErpOrderId);
        Assert.Equal("ERP-90", (await ledger.FindAsync(other, "1001", CancellationToken.None))?.ErpOrderId);
    }

    /// <summary>Order numbers compare exactly: one differing only in case is a different order.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryRecord_NumberDifferingInCase_IsADifferentOrder()
    {
        var ledger = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(ledger);
        Assert.True(await ledger.TryRecordAsync(new ImportedOrder(Shop, "ab-1", "ERP-1", T0), lease, CancellationToken.None));

        Assert.Null(await ledger.FindAsync(Shop, "AB-1", CancellationToken.None));
        Assert.True(await ledger.TryRecordAsync(new ImportedOrder(Shop, "AB-1", "ERP-2", T0), lease, CancellationToken.None));
    }

    /// <summary>Two workers on two instances recording the same order at once: exactly one records it, every time.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryRecord_TwoInstancesRacingOnOneOrder_ExactlyOneRecordsIt()
    {
        var ledger = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(ledger);
        var other = await CreateSecondInstanceAsync(ledger);

        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var number = "R-" + round;
            var results = await RaceAsync(
                async () => await ledger.TryRecordAsync(new ImportedOrder(Shop, number, "ERP-A", T0), lease, CancellationToken.None),
                async () => await other.TryRecordAsync(new ImportedOrder(Shop, number, "ERP-B", T0), lease, CancellationToken.None));

            Assert.True(results.Count(r => r) == 1, $"Round {round}: {results.Count(r => r)} workers recorded order {number}, expected exactly one.");
            var winner = results[0] ? "ERP-A" : "ERP-B";
            Assert.Equal(winner, (await other.FindAsync(Shop, number, CancellationToken.None))?.ErpOrderId);
        }
    }


    /// <summary>Fencing: a worker whose lease lapsed and was taken over cannot record a hand-over; the refused call records nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryRecord_LeaseTakenOverByAnotherWorker_IsRefusedAndRecordsNothing()
    {
        var ledger = await CreateStoreAsync();
        var (stale, current) = await TakeOverAsync(ledger);

        await Assert.ThrowsAsync<LeaseLostException>(() => ledger.TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-STALE", T0), stale, CancellationToken.None).AsTask());

        Assert.Null(await ledger.FindAsync(Shop, "1001", CancellationToken.None));
        Assert.True(await ledger.TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-77", T0), current, CancellationToken.None));
        Assert.Equal("ERP-77", (await ledger.FindAsync(Shop, "1001", CancellationToken.None))?.ErpOrderId);
    }
}
