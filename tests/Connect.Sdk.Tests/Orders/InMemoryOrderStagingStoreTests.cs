using Connect.Sdk.Orders;
using Connect.Sdk.Tests.TestDoubles;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

public sealed class InMemoryOrderStagingStoreTests
{
    private static readonly ConnectionId Connection = new("market-1");
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 8, 0);

    [Fact]
    public async Task Stage_NewOrder_IsStagedAndPending()
    {
        var (leases, lease) = await HeldLease.TakeAsync();
        var store = new InMemoryOrderStagingStore(leases);

        var staged = await store.StageAsync(Connection, [TestOrders.Order("1001")], null, Now, lease, default);

        Assert.Equal(StagedOrderState.Staged, Assert.Single(staged).State);
        Assert.Equal(Now, staged[0].StagedAt);
        Assert.Equal(["1001"], await Pending(store));
    }

    [Fact]
    public async Task Stage_HandedOverOrderChangedOnTheMarketplace_IsLeftAsItWas()
    {
        var (leases, lease) = await HeldLease.TakeAsync();
        var store = new InMemoryOrderStagingStore(leases);
        var original = TestOrders.Order("1001", Now);
        await store.StageAsync(Connection, [original], null, Now, lease, default);
        await store.MarkHandedOverAsync(Connection, "1001", "ERP-1", lease, default);

        var again = await store.StageAsync(Connection, [TestOrders.Order("1001", Now + Duration.FromHours(1))], null, Now, lease, default);

        Assert.Equal(StagedOrderState.HandedOver, again[0].State);
        Assert.Equal("ERP-1", again[0].ErpOrderId);
        Assert.Same(original, again[0].Order);
        Assert.Empty(await Pending(store));
    }

    [Fact]
    public async Task Stage_HeldOrderSeenAgain_IsStagedAgainWithTheNewData()
    {
        var (leases, lease) = await HeldLease.TakeAsync();
        var store = new InMemoryOrderStagingStore(leases);
        await store.StageAsync(Connection, [TestOrders.Order("1001", Now)], null, Now, lease, default);
        await store.HoldAsync(Connection, "1001", "tax information missing in shop order 1001", lease, default);
        var fixedOrder = TestOrders.Order("1001", Now + Duration.FromMinutes(5));

        var again = await store.StageAsync(Connection, [fixedOrder], null, Now, lease, default);

        Assert.Equal(StagedOrderState.Staged, again[0].State);
        Assert.Null(again[0].HoldReason);
        Assert.Same(fixedOrder, again[0].Order);
    }

    [Fact]
    public async Task Stage_OlderDataThanStaged_KeepsTheStagedDataAndState()
    {
        var (leases, lease) = await HeldLease.TakeAsync();
        var store = new InMemoryOrderStagingStore(leases);
        var newer = TestOrders.Order("1001", Now);
        await store.StageAsync(Connection, [newer], null, Now, lease, default);
        await store.HoldAsync(Connection, "1001", "held", lease, default);

        var again = await store.StageAsync(Connection, [TestOrders.Order("1001", Now - Duration.FromMinutes(5))], null, Now, lease, default);

        Assert.Equal(StagedOrderState.Held, again[0].State);
        Assert.Same(newer, again[0].Order);
    }

    [Fact]
    public async Task Stage_Cursor_OnlyMovesForward_ButSetCursorMovesItBack()
    {
        var (leases, lease) = await HeldLease.TakeAsync();
        var store = new InMemoryOrderStagingStore(leases);
        await store.StageAsync(Connection, [], new OrderCursor(Now), Now, lease, default);
        await store.StageAsync(Connection, [], new OrderCursor(Now - Duration.FromMinutes(10)), Now, lease, default);
        var afterOverlap = await store.GetCursorAsync(Connection, default);
        await store.SetCursorAsync(Connection, new OrderCursor(Now - Duration.FromDays(1)), default);

        Assert.Null(await store.GetCursorAsync(new ConnectionId("other"), default));
        Assert.Equal(new OrderCursor(Now), afterOverlap);
        Assert.Equal(new OrderCursor(Now - Duration.FromDays(1)), await store.GetCursorAsync(Connection, default));
    }

    [Fact]
    public async Task HoldAndMarkHandedOver_OnUnknownOrHandedOverOrders_ChangeNothing()
    {
        var (leases, lease) = await HeldLease.TakeAsync();
        var store = new InMemoryOrderStagingStore(leases);
        await store.StageAsync(Connection, [TestOrders.Order("1001")], null, Now, lease, default);
        await store.MarkHandedOverAsync(Connection, "1001", "ERP-1", lease, default);

        await store.HoldAsync(Connection, "1001", "late hold", lease, default);
        await store.HoldAsync(Connection, "9999", "unknown", lease, default);

        var order = await store.GetAsync(Connection, "1001", default);
        Assert.Equal(StagedOrderState.HandedOver, order!.State);
        Assert.Null(order.HoldReason);
        Assert.Null(await store.GetAsync(Connection, "9999", default));
    }

    private static async Task<string[]> Pending(InMemoryOrderStagingStore store)
    {
        var numbers = new List<string>();
        await foreach (var order in store.ListPendingAsync(Connection, default))
        {
            numbers.Add(order.OrderNumber);
        }

        return [.. numbers];
    }
}
