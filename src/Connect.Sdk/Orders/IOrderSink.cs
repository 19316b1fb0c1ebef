namespace Connect.Sdk.Orders;

/// <summary>The ERP's order intake, supplied by the host: the second step of every order import.</summary>
public interface IOrderSink
{
    /// <summary>
    /// Creates the order in the ERP. Must be idempotent on <see cref="OrderHandOver.IdempotencyKey"/>:
    /// after a crash the SDK may hand the same order over again, and the ERP must not create it twice.
    /// </summary>
    /// <param name="handOver">The order and its resolved articles.</param>
    /// <param name="cancellationToken">Cancels the hand-over.</param>
    /// <returns>The ERP's reference to the order.</returns>
    /// <exception cref="OrderRefusedException">
    /// The ERP refuses the order for a reason a person has to fix (tax data missing, an unknown customer): the order
    /// is held with that reason until a retry. Any other exception is a failure that the next run hands over again.
    /// </exception>
    ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken);
}
