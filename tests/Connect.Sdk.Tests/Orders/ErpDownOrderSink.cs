using Connect.Sdk.Orders;

namespace Connect.Sdk.Tests.Orders;

/// <summary>An ERP's order sink that fails every hand-over while it is down, as an ERP behind a broken network does, and counts them.</summary>
internal sealed class ErpDownOrderSink(IOrderSink inner) : IOrderSink
{
    public bool Down { get; set; } = true;

    public List<NodaTime.Instant> Attempts { get; } = [];

    public NodaTime.IClock? Clock { get; set; }

    public ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken)
    {
        Attempts.Add(Clock?.GetCurrentInstant() ?? default);
        return Down ? throw new TimeoutException("the ERP did not answer within 30 s") : inner.HandOverAsync(handOver, cancellationToken);
    }
}
