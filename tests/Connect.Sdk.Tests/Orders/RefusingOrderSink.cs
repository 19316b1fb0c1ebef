using Connect.Sdk.Orders;

namespace Connect.Sdk.Tests.Orders;

/// <summary>An ERP's order sink that refuses the orders in <see cref="Refusals"/> with their reason, and counts the hand-overs of each order.</summary>
internal sealed class RefusingOrderSink(IOrderSink inner) : IOrderSink
{
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);

    /// <summary>The ERP's reason by order number, for the orders it refuses now.</summary>
    public Dictionary<string, string> Refusals { get; } = new(StringComparer.Ordinal);

    public int Attempts(string orderNumber) => _attempts.GetValueOrDefault(orderNumber);

    public ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken)
    {
        var number = handOver.Order.OrderNumber;
        _attempts[number] = Attempts(number) + 1;
        return Refusals.TryGetValue(number, out var reason) ? throw new OrderRefusedException(reason) : inner.HandOverAsync(handOver, cancellationToken);
    }
}
