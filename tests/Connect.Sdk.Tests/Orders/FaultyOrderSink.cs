using Connect.Sdk.Orders;

namespace Connect.Sdk.Tests.Orders;

/// <summary>An order sink that fails before or after the ERP creates the order, when armed.</summary>
internal sealed class FaultyOrderSink(IOrderSink inner, Faults faults) : IOrderSink
{
    public async ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.SinkBeforeCreating);
        var reference = await inner.HandOverAsync(handOver, cancellationToken);
        faults.At(CrashStep.SinkAfterCreating);
        return reference;
    }
}
