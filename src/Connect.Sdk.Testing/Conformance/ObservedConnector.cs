using System.Runtime.CompilerServices;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Testing.Conformance;

/// <summary>
/// The connector under test as the kit registers it with the SDK: every call goes straight through, and the kit can
/// act between the pages of an order import (to cancel a run half-way through).
/// </summary>
internal sealed class ObservedConnector : IConnector
{
    private readonly IConnector _inner;

    public ObservedConnector(IConnector inner)
    {
        _inner = inner;
        Features = inner.Features.Select(f => f is IOrdersFeature orders ? new ObservedOrders(this, orders) : f).ToArray();
    }

    public ConnectorDescriptor Descriptor => _inner.Descriptor;

    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>Runs after each page of changed orders the SDK has taken, before the next page is read.</summary>
    public Action? AfterPage { get; set; }

    public ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken) =>
        _inner.CheckConnectionAsync(connection, cancellationToken);

    private sealed class ObservedOrders(ObservedConnector owner, IOrdersFeature inner) : IOrdersFeature
    {
        public FeatureKind Kind => inner.Kind;

        public async IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var page in inner.FetchChangedOrdersAsync(connection, since, cancellationToken).ConfigureAwait(false))
            {
                yield return page;
                owner.AfterPage?.Invoke();
            }
        }

        public ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken) =>
            inner.FetchOrdersByNumberAsync(connection, orderNumbers, cancellationToken);
    }
}
