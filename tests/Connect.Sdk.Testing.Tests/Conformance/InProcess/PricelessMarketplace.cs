using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Faults;

namespace Connect.Sdk.Testing.Tests.Conformance.InProcess;

/// <summary>The in-process marketplace seen through <see cref="IMarketplaceFake"/> only, as a fake written before prices: it cannot read prices back.</summary>
internal sealed class PricelessMarketplace(InProcessMarketplace market) : IMarketplaceFake
{
    public Uri BaseAddress => market.BaseAddress;

    public FaultPlan Faults => market.Faults;

    public IReadOnlyList<FakeRequest> Requests => market.Requests;

    public void SeedArticle(ForeignNumber foreignNumber, int stock) => market.SeedArticle(foreignNumber, stock);

    public void SeedOrder(MarketplaceOrder order) => market.SeedOrder(order);

    public int? StockOf(ForeignNumber foreignNumber) => market.StockOf(foreignNumber);

    public OrderStatus? StatusOf(string orderNumber) => market.StatusOf(orderNumber);

    public IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber) => market.ShipmentsOf(orderNumber);

    public ValueTask DisposeAsync() => market.DisposeAsync();
}
