using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using NodaTime;
using Xunit;
using static Connect.Sdk.Testing.Stores.StoreContractHelpers;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IOrderStagingStore"/>: derive a test class in the store's test project from the
/// shell that makes each check a test (<see cref="OrderStagingStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.OrderStagingStoreContract</c> for xUnit v3) and supply a fresh, empty store.
/// Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out a second store over the same
/// storage (a second worker process), so that a reader on one instance watches a writer on the other.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class OrderStagingStoreChecks : FencedStoreContract<IOrderStagingStore>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly ConnectionId OtherShop = new("store-kit-other");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private static readonly Instant StagedAt = Instant.FromUtc(2026, 3, 1, 9, 0);

    /// <summary>An empty store has no staged order, no pending order and no cursor.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_EmptyStore_FindsNothing()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(Shop, "1001", CancellationToken.None));
        Assert.Empty(await ToListAsync(store.ListPendingAsync(Shop, CancellationToken.None)));
        Assert.Null(await store.GetCursorAsync(Shop, CancellationToken.None));
    }

    /// <summary>New orders are staged as Staged, stamped with the staging instant, and returned in the order given.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Stage_NewOrders_StagesThemAndReturnsThemInTheOrderGiven()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);

        var staged = await store.StageAsync(Shop, [Order("1002", 2), Order("1001", 1)], new OrderCursor(T0 + Duration.FromMinutes(2)), StagedAt, lease, CancellationToken.None);

        Assert.Equal(["1002", "1001"], staged.Select(s => s.OrderNumber).ToArray());
        Assert.All(staged, s => Assert.Equal(StagedOrderState.Staged, s.State));
        Assert.All(staged, s => Assert.Equal(StagedAt, s.StagedAt));
        var read = await store.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(StagedOrderState.Staged, read.State);
        Assert.Equal(Shop, read.Connection);
        Assert.Equal(T0 + Duration.FromMinutes(1), read.Order.UpdatedAt);
        Assert.Equal(new OrderCursor(T0 + Duration.FromMinutes(2)), await store.GetCursorAsync(Shop, CancellationToken.None));
        Assert.Null(await store.GetAsync(OtherShop, "1001", CancellationToken.None));
    }

    /// <summary>Pending orders are those in Staged, oldest marketplace change first; held and handed-over ones are not pending.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task ListPending_MixedStates_ListsStagedOnesOldestChangeFirst()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await store.StageAsync(Shop, [Order("A", 5), Order("B", 1), Order("C", 3), Order("D", 2), Order("E", 4)], null, StagedAt, lease, CancellationToken.None);
        await store.StageAsync(OtherShop, [Order("X", 0)], null, StagedAt, lease, CancellationToken.None);
        await store.HoldAsync(Shop, "C", "No ERP article for SKU-7", lease, CancellationToken.None);
        await store.MarkHandedOverAsync(Shop, "D", "ERP-4", lease, CancellationToken.None);

        var pending = await ToListAsync(store.ListPendingAsync(Shop, CancellationToken.None));

        Assert.Equal(["B", "E", "A"], pending.Select(p => p.OrderNumber).ToArray());
    }

    /// <summary>A held order keeps its reason; staged again with newer data it takes the data and is Staged again.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Stage_HeldOrderWithNewerData_TakesTheDataAndIsStagedAgain()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await store.StageAsync(Shop, [Order("1001", 1)], null, StagedAt, lease, CancellationToken.None);
        await store.HoldAsync(Shop, "1001", "No ERP article for SKU-7", lease, CancellationToken.None);
        var held = await store.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(held);
        Assert.Equal(StagedOrderState.Held, held.State);
        Assert.Equal("No ERP article for SKU-7", held.HoldReason);

        var again = await store.StageAsync(Shop, [Order("1001", 2, "buyer@example.com")], null, StagedAt + Duration.FromHours(1), lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(StagedOrderState.Staged, Assert.Single(again).State);
        Assert.Equal(StagedOrderState.Staged, read.State);
        Assert.Equal("buyer@example.com", read.Order.BuyerEmail);
        Assert.Equal(T0 + Duration.FromMinutes(2), read.Order.UpdatedAt);
    }

    /// <summary>A staged order loaded again keeps the instant it was first staged at.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Stage_AgainWithNewerData_KeepsTheFirstStagingInstant()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await store.StageAsync(Shop, [Order("1001", 1)], null, StagedAt, lease, CancellationToken.None);

        var again = await store.StageAsync(Shop, [Order("1001", 2, "buyer@example.com")], null, StagedAt + Duration.FromHours(1), lease, CancellationToken.None);

        Assert.Equal(StagedAt, Assert.Single(again).StagedAt);
        Assert.Equal(StagedAt, (await store.GetAsync(Shop, "1001", CancellationToken.None))?.StagedAt);
        Assert.Equal("buyer@example.com", (await store.GetAsync(Shop, "1001", CancellationToken.None))?.Order.BuyerEmail);
    }

    /// <summary>A staged order loaded again with older data keeps its newer staged data.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Stage_OlderData_KeepsTheNewerStagedData()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await store.StageAsync(Shop, [Order("1001", 5, "new@example.com")], null, StagedAt, lease, CancellationToken.None);

        var again = await store.StageAsync(Shop, [Order("1001", 3, "old@example.com")], null, StagedAt, lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal("new@example.com", read.Order.BuyerEmail);
        Assert.Equal("new@example.com", Assert.Single(again).Order.BuyerEmail);
        Assert.Equal(StagedOrderState.Staged, read.State);
    }

    /// <summary>
    /// A handed-over order is left exactly as it is: staging it again, holding it or handing it over again with the same
    /// id changes nothing.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task HandedOver_StagedHeldOrMarkedAgain_StaysExactlyAsItIs()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await store.StageAsync(Shop, [Order("1001", 1)], null, StagedAt, lease, CancellationToken.None);
        await store.MarkHandedOverAsync(Shop, "1001", "ERP-77", lease, CancellationToken.None);
        var handedOver = await store.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(handedOver);
        Assert.Equal(StagedOrderState.HandedOver, handedOver.State);
        Assert.Equal("ERP-77", handedOver.ErpOrderId);

        var again = await store.StageAsync(Shop, [Order("1001", 9, "later@example.com")], null, StagedAt + Duration.FromHours(1), lease, CancellationToken.None);
        await store.HoldAsync(Shop, "1001", "too late", lease, CancellationToken.None);
        await store.MarkHandedOverAsync(Shop, "1001", "ERP-77", lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(StagedOrderState.HandedOver, Assert.Single(again).State);
        Assert.Equal(StagedOrderState.HandedOver, read.State);
        Assert.Equal("ERP-77", read.ErpOrderId);
        Assert.Null(read.HoldReason);
        Assert.Null(read.Order.BuyerEmail);
        Assert.Equal(T0 + Duration.FromMinutes(1), read.Order.UpdatedAt);
        Assert.Equal(StagedAt, read.StagedAt);
    }

    /// <summary>Holding an order that was never staged does nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Hold_NeverStaged_DoesNothing()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);

        await store.HoldAsync(Shop, "1001", "No ERP article for SKU-7", lease, CancellationToken.None);

        Assert.Null(await store.GetAsync(Shop, "1001", CancellationToken.None));
    }

    /// <summary>Staging moves the cursor only forward: an earlier page's resume point, or none, leaves it alone.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Stage_EarlierCursorOrNone_LeavesTheCursorAlone()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        var late = new OrderCursor(T0 + Duration.FromHours(2));
        await store.StageAsync(Shop, [Order("1001", 1)], late, StagedAt, lease, CancellationToken.None);

        await store.StageAsync(Shop, [Order("1002", 2)], new OrderCursor(T0 + Duration.FromHours(1)), StagedAt, lease, CancellationToken.None);
        Assert.Equal(late, await store.GetCursorAsync(Shop, CancellationToken.None));
        await store.StageAsync(Shop, [Order("1003", 3)], null, StagedAt, lease, CancellationToken.None);
        Assert.Equal(late, await store.GetCursorAsync(Shop, CancellationToken.None));
        Assert.Null(await store.GetCursorAsync(OtherShop, CancellationToken.None));

        var later = new OrderCursor(T0 + Duration.FromHours(3));
        await store.StageAsync(Shop, [], later, StagedAt, lease, CancellationToken.None);
        Assert.Equal(later, await store.GetCursorAsync(Shop, CancellationToken.None));
    }

    /// <summary>Setting the cursor also moves it backwards.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task SetCursor_EarlierValue_MovesTheCursorBack()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await store.StageAsync(Shop, [Order("1001", 1)], new OrderCursor(T0 + Duration.FromHours(2)), StagedAt, lease, CancellationToken.None);
        var earlier = new OrderCursor(T0 - Duration.FromDays(7));

        await store.SetCursorAsync(Shop, earlier, CancellationToken.None);

        Assert.Equal(earlier, await store.GetCursorAsync(Shop, CancellationToken.None));
    }

    /// <summary>
    /// Staging and the cursor move together: a reader on a second instance that sees the cursor at a page's resume point
    /// also sees every order of that page staged.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Stage_ReaderOnAnotherInstance_NeverSeesTheCursorPastAnUnstagedOrder()
    {
        const int Pages = 40;
        const int PageSize = 5;
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        var reader = await CreateSecondInstanceAsync(store);
        using var done = new CancellationTokenSource();

        var write = Task.Run(async () =>
        {
            try
            {
                for (var page = 1; page <= Pages; page++)
                {
                    var orders = Enumerable.Range(0, PageSize).Select(i => Order($"P{page}-{i}", page)).ToArray();
                    await store.StageAsync(Shop, orders, new OrderCursor(T0 + Duration.FromMinutes(page)), StagedAt, lease, CancellationToken.None);
                }
            }
            finally
            {
                await done.CancelAsync();
            }
        });

        var read = Task.Run(async () =>
        {
            var problems = new List<string>();
            var checks = 0;
            while (!done.IsCancellationRequested || checks == 0)
            {
                checks++;
                if (await reader.GetCursorAsync(Shop, CancellationToken.None) is not { } cursor)
                {
                    continue;
                }

                var page = (int)(cursor.ChangedSince - T0).TotalMinutes;
                for (var i = 0; i < PageSize; i++)
                {
                    if (await reader.GetAsync(Shop, $"P{page}-{i}", CancellationToken.None) is null)
                    {
                        problems.Add($"cursor at page {page}, order P{page}-{i} not staged");
                    }
                }
            }

            return problems;
        });

        await Task.WhenAll(write, read);
        Assert.Empty(await read);
        Assert.Equal(new OrderCursor(T0 + Duration.FromMinutes(Pages)), await reader.GetCursorAsync(Shop, CancellationToken.None));
    }

    /// <summary>
    /// Fencing: a worker whose lease lapsed and was taken over can neither stage nor move the cursor; the refused call
    /// changes nothing, and the current holder's call is accepted.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Stage_LeaseTakenOverByAnotherWorker_IsRefusedAndChangesNothing()
    {
        var store = await CreateStoreAsync();
        var (stale, current) = await TakeOverAsync(store);
        await store.StageAsync(Shop, [Order("1001", 1)], new OrderCursor(T0 + Duration.FromMinutes(5)), StagedAt, current, CancellationToken.None);

        await Assert.ThrowsAsync<LeaseLostException>(() => store.StageAsync(Shop, [Order("1001", 2, "stale@example.com"), Order("1002", 2)], new OrderCursor(T0 + Duration.FromMinutes(9)), StagedAt, stale, CancellationToken.None).AsTask());

        Assert.Equal(new OrderCursor(T0 + Duration.FromMinutes(5)), await store.GetCursorAsync(Shop, CancellationToken.None));
        Assert.Null(await store.GetAsync(Shop, "1002", CancellationToken.None));
        Assert.Null((await store.GetAsync(Shop, "1001", CancellationToken.None))?.Order.BuyerEmail);
        await store.StageAsync(Shop, [Order("1002", 2)], new OrderCursor(T0 + Duration.FromMinutes(9)), StagedAt, current, CancellationToken.None);
        Assert.Equal(new OrderCursor(T0 + Duration.FromMinutes(9)), await store.GetCursorAsync(Shop, CancellationToken.None));
    }

    /// <summary>Fencing: a worker whose lease was taken over can neither hold an order nor mark it handed over.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task HoldAndMarkHandedOver_LeaseTakenOverByAnotherWorker_AreRefusedAndChangeNothing()
    {
        var store = await CreateStoreAsync();
        var (stale, current) = await TakeOverAsync(store);
        await store.StageAsync(Shop, [Order("1001", 1)], null, StagedAt, current, CancellationToken.None);

        await Assert.ThrowsAsync<LeaseLostException>(() => store.HoldAsync(Shop, "1001", "No ERP article for SKU-7", stale, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<LeaseLostException>(() => store.MarkHandedOverAsync(Shop, "1001", "ERP-STALE", stale, CancellationToken.None).AsTask());

        var read = await store.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(StagedOrderState.Staged, read.State);
        Assert.Null(read.ErpOrderId);
        await store.MarkHandedOverAsync(Shop, "1001", "ERP-1", current, CancellationToken.None);
        Assert.Equal("ERP-1", (await store.GetAsync(Shop, "1001", CancellationToken.None))?.ErpOrderId);
    }

    private static MarketplaceOrder Order(string number, int updatedMinutes, string? buyerEmail = null) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = "900" + number,
        CreatedAt = T0 - Duration.FromDays(1),
        UpdatedAt = T0 + Duration.FromMinutes(updatedMinutes),
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines = [],
        ShippingCost = new Money(0m, CurrencyCode.Eur),
        BuyerEmail = buyerEmail,
    };
}
