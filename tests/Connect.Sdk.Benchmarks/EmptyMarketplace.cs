using System.Runtime.CompilerServices;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Benchmarks;

/// <summary>An in-process marketplace whose order feature never has an order: a run costs only what the SDK spends on it.</summary>
internal sealed class EmptyMarketplace : IConnector
{
    public static readonly ConnectorId Id = new("cycle-market");

    public ConnectorDescriptor Descriptor { get; } = new(Id, "Empty marketplace", ChannelKind.Marketplace, [FeatureKind.Orders], new SettingsSchema([]));

    public IReadOnlyList<IFeature> Features { get; } = [new NoOrders()];

    public ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectionCheckResult.Success("ok"));

    private sealed class NoOrders : IOrdersFeature
    {
        public FeatureKind Kind => FeatureKind.Orders;

        public async IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }

        public ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new OrderLookupResult([], [.. orderNumbers], []));
    }
}
