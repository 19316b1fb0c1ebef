using System.Runtime.CompilerServices;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;

namespace Connect.Sdk.Testing.Conformance;

/// <summary>
/// The connector under test as the kit registers it with the SDK: every call goes straight through, and the kit can
/// act between the pages of an order import (to cancel a run half-way through) and see which prices the SDK asked it to
/// push (to prove that a delta run after a sync sends nothing again).
/// </summary>
internal sealed class ObservedConnector : IConnector
{
    private readonly IConnector _inner;
    private readonly Lock _gate = new();
    private readonly List<string> _pricesPushed = [];

    public ObservedConnector(IConnector inner)
    {
        _inner = inner;
        Features = inner.Features.Select(f => f switch
        {
            IOrdersFeature orders => new ObservedOrders(this, orders),
            IPriceFeature prices => new ObservedPrices(this, prices),
            _ => f,
        }).ToArray();
    }

    public ConnectorDescriptor Descriptor => _inner.Descriptor;

    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>Runs after each page of changed orders the SDK has taken, before the next page is read.</summary>
    public Action? AfterPage { get; set; }

    /// <summary>The articles whose price the SDK has handed to the connector so far, in order, once per update.</summary>
    public IReadOnlyList<string> PricesPushed
    {
        get
        {
            lock (_gate)
            {
                return _pricesPushed.ToArray();
            }
        }
    }

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

    private sealed class ObservedPrices(ObservedConnector owner, IPriceFeature inner) : IPriceFeature
    {
        public FeatureKind Kind => inner.Kind;

        public int MaxBatchSize => inner.MaxBatchSize;

        public ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken)
        {
            lock (owner._gate)
            {
                owner._pricesPushed.AddRange(batch.Select(u => u.ArticleNumber));
            }

            return inner.PushPricesAsync(connection, batch, cancellationToken);
        }
    }
}
