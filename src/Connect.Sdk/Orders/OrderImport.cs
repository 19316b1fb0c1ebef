using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Orders;

/// <summary>
/// The order actions of a connection: fetch the orders now ("Aufträge abholen"), import orders by the numbers a
/// user types, and retry orders after a correction. Each asks for a run and returns at once; the host's scheduler runs the import
/// (the manual run of <see cref="WorkKind.OrderImport"/>), and "Neu laden" on the journal shows the progress.
/// An order already imported is never imported again: the journal shows the repeat as a no-op.
/// </summary>
public sealed class OrderImport
{
    private readonly ManualWorkQueue _queue;
    private readonly SyncJournal _journal;

    internal OrderImport(ManualWorkQueue queue, SyncJournal journal)
    {
        _queue = queue;
        _journal = journal;
    }

    /// <summary>
    /// Fetches orders now ("Aufträge abholen", the action of import mode <see cref="ImportMode.Manual"/>): a run
    /// becomes due at once that loads the orders changed on the marketplace since the connection's cursor and
    /// imports them, exactly as a scheduled run does. Allowed in every import mode once the connection is
    /// productive and its Orders feature in integration mode (an <see cref="SyncTrigger.Event"/> run of the
    /// allowed-actions table); in the test phase, import single orders with <see cref="ImportOrdersAsync"/>.
    /// Asking again before the run started asks for the same run.
    /// </summary>
    /// <param name="connection">The connection whose marketplace the orders come from.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// Nothing queued by number (<see cref="QueueResult.Queued"/> stays empty) when the run was requested, or why
    /// it was refused (<see cref="QueueResult.Refusal"/>).
    /// </returns>
    public ValueTask<QueueResult> FetchOrdersAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _queue.RequestIfAllowedAsync(connection, WorkKind.OrderImport, SyncTrigger.Event, cancellationToken);

    /// <summary>
    /// Queues orders for import by number ("Aufträge importieren"). Numbers are separated by commas,
    /// semicolons, spaces or line breaks (<c>"1001, 1002 ,1003"</c>); each is trimmed, empty pieces and repeats
    /// are ignored. A token longer than 100 characters or with an invisible or control character is reported
    /// in <see cref="QueueResult.Rejected"/> and the others are queued. Allowed in the test phase and in every
    /// import mode, as the allowed-actions table says for a manual trigger.
    /// </summary>
    /// <param name="connection">The connection whose marketplace the orders come from.</param>
    /// <param name="orderNumbers">The order numbers as the user typed them.</param>
    /// <param name="cancellationToken">Cancels the queueing.</param>
    /// <returns>The orders queued, those already waiting, the input rejected, or why the action was refused.</returns>
    public async ValueTask<QueueResult> ImportOrdersAsync(ConnectionId connection, string orderNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumbers);
        var (numbers, rejected) = OrderNumberInput.Parse(orderNumbers);
        return await QueueAsync(connection, numbers, rejected, "import requested; waiting to be loaded from the marketplace", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues orders of the journal again ("erneut ausführen"), typically failed ones after the foreign-number
    /// mapping or the shop's data was corrected. Each is loaded from the marketplace again and checked again.
    /// A selected order that was imported already is shown as a no-op, not imported twice.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="selection">The orders ticked on a page, or every order matching a filter of the order tab.</param>
    /// <param name="cancellationToken">Cancels the queueing.</param>
    /// <returns>The orders queued, those already waiting, the keys rejected, or why the action was refused.</returns>
    /// <exception cref="ArgumentException">The selection's filter is for another connection or journal tab.</exception>
    public async ValueTask<QueueResult> RetryAsync(ConnectionId connection, JournalSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var keys = await _journal.ResolveAsync(connection, RecordKind.Order, selection, cancellationToken).ConfigureAwait(false);
        var numbers = new List<string>(keys.Count);
        var rejected = new List<QueueRejection>();
        foreach (var key in keys)
        {
            if (OrderNumberInput.Check(key) is { } problem)
            {
                rejected.Add(new QueueRejection(key, problem));
            }
            else
            {
                numbers.Add(key);
            }
        }

        return await QueueAsync(connection, numbers, rejected, "retry requested; waiting to be imported again", cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<QueueResult> QueueAsync(
        ConnectionId connection,
        IReadOnlyList<string> numbers,
        IReadOnlyList<QueueRejection> rejected,
        string message,
        CancellationToken cancellationToken)
        => await _queue.QueueAsync(connection, WorkKind.OrderImport, RecordKind.Order, numbers, message, cancellationToken, rejected: rejected).ConfigureAwait(false);
}
