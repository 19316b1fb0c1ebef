using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Tests.TestDoubles;

/// <summary>
/// An in-test marketplace (no HTTP) with all four features: it keeps orders, received stock, prices and
/// status exports in memory, and every call can be made to fail through the <c>On…</c> hooks.
/// </summary>
internal sealed class TestMarketplace : IConnector
{
    public const string Token = "test-market-token-4b1e";

    public static readonly ConnectorId Id = new("testmarket");

    public static readonly ForeignNumberLabel Label = new("testsku");

    public static readonly ForeignNumberRule Rule = new(Id, ForeignNumberTarget.Any, Label, "Test marketplace SKU");

    private readonly ConcurrentDictionary<string, MarketplaceOrder> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IReadOnlyList<StockUpdate>> _stockCalls = new();
    private readonly ConcurrentQueue<OrderStatusUpdate> _exports = new();
    private readonly ConcurrentQueue<IReadOnlyList<PriceUpdate>> _priceCalls = new();

    public ConnectorDescriptor Descriptor { get; } = new(
        Id,
        "Test Marketplace",
        ChannelKind.Marketplace,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, FeatureKind.Prices],
        new SettingsSchema(
        [
            new SettingsGroup("connection", "Connection",
            [
                new SettingField("url", "URL") { IsMandatory = true, AffectsConnection = true },
                new SettingField("token", "Token") { IsMandatory = true, IsSecret = true },
            ]),
        ]));

    public IReadOnlyList<IFeature> Features => [new StockPart(this), new OrdersPart(this), new StatusPart(this), new PricesPart(this)];

    public int MaxBatchSize { get; set; } = 50;

    /// <summary>How many orders one page of <see cref="FetchChangedOrdersAsync"/> holds.</summary>
    public int OrderPageSize { get; set; } = 25;

    /// <summary>Runs before a stock batch is stored; return a result to answer instead, or throw.</summary>
    public Func<IReadOnlyList<StockUpdate>, BatchResult?>? OnPushStock { get; set; }

    /// <summary>Runs before a page of orders is returned (with its page index); throw to fail the page.</summary>
    public Action<int>? OnFetchPage { get; set; }

    /// <summary>Runs before orders are looked up by number; throw to fail.</summary>
    public Action<IReadOnlyCollection<string>>? OnFetchByNumber { get; set; }

    /// <summary>Runs before an export is stored; return a result to answer instead, or throw.</summary>
    public Func<OrderStatusUpdate, RecordResult?>? OnExport { get; set; }

    /// <summary>Like <see cref="OnExport"/>, for hooks that call back into the SDK asynchronously; runs first.</summary>
    public Func<OrderStatusUpdate, Task<RecordResult?>>? OnExportAsync { get; set; }

    /// <summary>Runs after an export was stored; throw to lose the answer of an export that did reach the marketplace.</summary>
    public Action<OrderStatusUpdate>? AfterExport { get; set; }

    /// <summary>Orders the marketplace returns as unreadable instead of as orders, by order number, with the reason.</summary>
    public ConcurrentDictionary<string, string> Unreadable { get; } = new(StringComparer.Ordinal);

    /// <summary>Orders the marketplace holds back until somebody acts on them, by order number, with what they wait for.</summary>
    public ConcurrentDictionary<string, string> AwaitingAction { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<IReadOnlyList<StockUpdate>> StockCalls => _stockCalls.ToArray();

    /// <summary>The last quantity received per foreign number.</summary>
    public IReadOnlyDictionary<string, int> Stock =>
        _stockCalls.SelectMany(c => c).GroupBy(u => u.ForeignNumber.Value).ToDictionary(g => g.Key, g => g.Last().Quantity);

    public IReadOnlyList<OrderStatusUpdate> Exports => _exports.ToArray();

    /// <summary>
    /// The shipments the marketplace holds for an order: like a real one (and as connectors must ensure), an
    /// export repeated with the same shipment id does not add the shipment again.
    /// </summary>
    public IReadOnlyList<string> ShipmentIdsOf(string orderNumber) =>
        _exports.Where(e => e.OrderNumber == orderNumber).SelectMany(e => e.Shipments).Select(s => s.ShipmentId).Distinct().ToArray();

    public IReadOnlyList<IReadOnlyList<PriceUpdate>> PriceCalls => _priceCalls.ToArray();

    /// <summary>Runs before a price batch is stored; return a result to answer instead, or throw.</summary>
    public Func<IReadOnlyList<PriceUpdate>, BatchResult?>? OnPushPrices { get; set; }

    /// <summary>The last price (and compare-at price) received per foreign number.</summary>
    public IReadOnlyDictionary<string, (Money Price, Money? CompareAt)> Prices =>
        _priceCalls.SelectMany(c => c).GroupBy(u => u.ForeignNumber.Value).ToDictionary(g => g.Key, g => (g.Last().Price, g.Last().CompareAtPrice));

    public void AddOrUpdate(MarketplaceOrder order) => _orders[order.OrderNumber] = order;

    public ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectionCheckResult.Success());

    public ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        if (batch.Count > MaxBatchSize)
        {
            throw new InvalidOperationException($"Batch of {batch.Count} exceeds the declared maximum of {MaxBatchSize}.");
        }

        if (OnPushStock?.Invoke(batch) is { } answer)
        {
            return ValueTask.FromResult(answer);
        }

        _stockCalls.Enqueue(batch);
        return ValueTask.FromResult(BatchResult.Success(batch.Select(u => u.ArticleNumber)));
    }

    public async IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changed = _orders.Values
            .Where(o => o.UpdatedAt >= since.ChangedSince)
            .OrderBy(o => o.UpdatedAt).ThenBy(o => o.OrderNumber, StringComparer.Ordinal)
            .ToArray();
        var pageIndex = 0;
        foreach (var chunk in changed.Chunk(OrderPageSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            OnFetchPage?.Invoke(pageIndex++);
            var unreadable = chunk.Select(o => ProblemWith(o.OrderNumber)).OfType<UnreadableOrder>().ToArray();
            var readable = chunk.Where(o => ProblemWith(o.OrderNumber) is null).ToArray();
            yield return new OrderPage(readable, unreadable, new OrderCursor(chunk[^1].UpdatedAt));

            // Not a wait: each next page comes asynchronously, as from a marketplace.
            await Task.Yield();
        }
    }

    public ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        OnFetchByNumber?.Invoke(orderNumbers);
        var found = orderNumbers.Where(n => _orders.ContainsKey(n) && ProblemWith(n) is null).Select(n => _orders[n]).ToArray();
        var unreadable = orderNumbers.Select(ProblemWith).OfType<UnreadableOrder>().ToArray();
        var notFound = orderNumbers.Where(n => !_orders.ContainsKey(n)).ToArray();
        return ValueTask.FromResult(new OrderLookupResult(found, notFound, unreadable));
    }

    private UnreadableOrder? ProblemWith(string orderNumber) =>
        Unreadable.TryGetValue(orderNumber, out var reason) ? new UnreadableOrder(orderNumber, reason)
        : AwaitingAction.TryGetValue(orderNumber, out var waitsFor) ? UnreadableOrder.AwaitingAction(orderNumber, waitsFor)
        : null;

    public async ValueTask<RecordResult> ExportOrderStatusAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        if (OnExportAsync is { } hook && await hook(update) is { } asyncAnswer)
        {
            return asyncAnswer;
        }

        if (OnExport?.Invoke(update) is { } answer)
        {
            return answer;
        }

        _exports.Enqueue(update);
        AfterExport?.Invoke(update);
        return RecordResult.Success(update.OrderNumber);
    }

    public ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken)
    {
        if (batch.Count > MaxBatchSize)
        {
            throw new InvalidOperationException($"Batch of {batch.Count} exceeds the declared maximum of {MaxBatchSize}.");
        }

        if (OnPushPrices?.Invoke(batch) is { } answer)
        {
            return ValueTask.FromResult(answer);
        }

        _priceCalls.Enqueue(batch);
        return ValueTask.FromResult(BatchResult.Success(batch.Select(u => u.ArticleNumber)));
    }

    private sealed class StockPart(TestMarketplace market) : IStockFeature
    {
        public FeatureKind Kind => FeatureKind.Stock;

        public int MaxBatchSize => market.MaxBatchSize;

        public ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken) =>
            market.PushStockAsync(connection, batch, cancellationToken);
    }

    private sealed class OrdersPart(TestMarketplace market) : IOrdersFeature
    {
        public FeatureKind Kind => FeatureKind.Orders;

        public IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, CancellationToken cancellationToken) =>
            market.FetchChangedOrdersAsync(connection, since, cancellationToken);

        public ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken) =>
            market.FetchOrdersByNumberAsync(connection, orderNumbers, cancellationToken);
    }

    private sealed class StatusPart(TestMarketplace market) : IOrderStatusFeature
    {
        public FeatureKind Kind => FeatureKind.OrderStatus;

        public ValueTask<RecordResult> ExportOrderStatusAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken) =>
            market.ExportOrderStatusAsync(connection, update, cancellationToken);
    }

    private sealed class PricesPart(TestMarketplace market) : IPriceFeature
    {
        public FeatureKind Kind => FeatureKind.Prices;

        public int MaxBatchSize => market.MaxBatchSize;

        public ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken) =>
            market.PushPricesAsync(connection, batch, cancellationToken);
    }
}
