namespace Connect.Sdk.Orders;

/// <summary>
/// Thrown by an <see cref="IOrderSink"/> when the ERP refuses an order for a reason a person has to fix — tax data
/// missing, an unknown customer, a blocked article — as opposed to a failure (the ERP down, a timeout, a bug),
/// which the SDK hands over again on its own. The order is held: the journal shows it as
/// <see cref="Journal.JournalStatus.Failed"/> with the ERP's reason, and it waits for the fix and a retry from the
/// journal (or a change on the marketplace), instead of being handed over again every run.
/// </summary>
/// <remarks>
/// The reason reaches the journal, which users read, with the connection's secrets removed; it is not logged,
/// because an ERP's reason may name the buyer. A sink must not remember a refusal under the
/// <see cref="OrderHandOver.IdempotencyKey"/>: the retry after the fix comes with the same key.
/// </remarks>
public sealed class OrderRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">The ERP's reason in words a user can act on, e.g. "customer 4711 is unknown in the ERP".</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public OrderRefusedException(string reason)
        : base(reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
    }

    /// <summary>Creates the exception around the ERP's own exception.</summary>
    /// <param name="reason">The ERP's reason in words a user can act on.</param>
    /// <param name="innerException">The ERP's exception that carried the refusal.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public OrderRefusedException(string reason, Exception? innerException)
        : base(reason, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
    }

    /// <summary>The ERP's reason, as given.</summary>
    public string Reason => Message;
}
