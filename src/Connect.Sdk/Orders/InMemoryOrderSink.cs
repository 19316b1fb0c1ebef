using System.Collections.Concurrent;

namespace Connect.Sdk.Orders;

/// <summary>
/// An <see cref="IOrderSink"/> that keeps the orders it is handed in memory, for tests and samples. Like a
/// well-behaved ERP it is idempotent: a repeated <see cref="OrderHandOver.IdempotencyKey"/> returns the
/// reference of the first hand-over and creates nothing.
/// </summary>
public sealed class InMemoryOrderSink : IOrderSink
{
    private readonly ConcurrentDictionary<string, (OrderHandOver HandOver, ErpOrderReference Reference)> _orders = new(StringComparer.Ordinal);
    private int _sequence;

    /// <summary>The orders created, in the order they were created.</summary>
    public IReadOnlyList<OrderHandOver> Orders =>
        _orders.Values.OrderBy(o => o.Reference.ErpOrderId, StringComparer.Ordinal).Select(o => o.HandOver).ToArray();

    /// <inheritdoc />
    public ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handOver);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = _orders.GetOrAdd(
            handOver.IdempotencyKey,
            static (_, state) => (state.HandOver, new ErpOrderReference($"ERP-{Interlocked.Increment(ref state.Sink._sequence):D6}")),
            (HandOver: handOver, Sink: this));
        return ValueTask.FromResult(stored.Reference);
    }
}
