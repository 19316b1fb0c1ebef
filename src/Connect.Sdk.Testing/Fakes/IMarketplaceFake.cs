using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Faults;

namespace Connect.Sdk.Testing.Fakes;

/// <summary>
/// A fake marketplace a test can seed, break and read back: the contract between a fake (on loopback, or
/// in process) and the conformance kit. A fake keeps the marketplace's state — articles and their stock,
/// orders, shipments — and serves it in the marketplace's own shapes, independently of any connector, so
/// that it catches a connector's mistakes.
/// </summary>
public interface IMarketplaceFake : IAsyncDisposable
{
    /// <summary>Where the fake listens, on loopback; connectors point their base URL here.</summary>
    Uri BaseAddress { get; }

    /// <summary>The fault plan every request consults; schedule faults on it.</summary>
    FaultPlan Faults { get; }

    /// <summary>Every request the fake received, oldest first.</summary>
    IReadOnlyList<FakeRequest> Requests { get; }

    /// <summary>Makes an article known to the marketplace, with a stock level.</summary>
    /// <param name="foreignNumber">The article's identifier on the marketplace.</param>
    /// <param name="stock">Its stock level.</param>
    void SeedArticle(ForeignNumber foreignNumber, int stock);

    /// <summary>Places an order on the marketplace, rendered in the marketplace's payload shape.</summary>
    /// <param name="order">The order; its line foreign numbers must be seeded articles.</param>
    void SeedOrder(MarketplaceOrder order);

    /// <summary>The stock level the marketplace holds for an article.</summary>
    /// <param name="foreignNumber">The article's identifier.</param>
    /// <returns>The level, or <see langword="null"/> for an unknown article.</returns>
    int? StockOf(ForeignNumber foreignNumber);

    /// <summary>The order's status as the marketplace holds it.</summary>
    /// <param name="orderNumber">The order number.</param>
    /// <returns>The status, or <see langword="null"/> for an unknown order.</returns>
    OrderStatus? StatusOf(string orderNumber);

    /// <summary>
    /// The shipments the marketplace holds for an order, as received: a shipment a connector sent twice appears
    /// twice, so that tests and the conformance kit catch duplicates.
    /// </summary>
    /// <param name="orderNumber">The order number.</param>
    /// <returns>The shipments; empty for an unknown or unshipped order.</returns>
    IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber);
}
