using Connect.Sdk.Alerts;
using Connect.Sdk.Orders;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Tests.TestDoubles;

/// <summary>Host services that do nothing, for tests that only need them to be registered.</summary>
internal sealed class NullHostServices : IStockSource, IOrderSink, IAlertSink
{
    public ValueTask<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<StockLevel>>([]);

    public ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ErpOrderReference(handOver.Order.OrderNumber));

    public ValueTask DeliverAsync(AlertNotification notification, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
