using System.Data.Common;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// Marks a staged order as handed over inside a transaction the caller owns. The staging store uses it, and so
/// does the ledger: recording an import marks the staged order in the same transaction, so that the two can
/// never disagree after a crash.
/// </summary>
internal static class StagedOrderHandOver
{
    /// <summary>Marks the order handed over with the ERP id, unless it is not staged or already handed over (then it stays as it is).</summary>
    public static async ValueTask MarkAsync(
        DbConnection db,
        DbTransaction transaction,
        ConnectionId connection,
        string orderNumber,
        string erpOrderId,
        CancellationToken cancellationToken)
    {
        await using var command = db.Command(transaction, """
                UPDATE staged_orders SET state = 'HandedOver', hold_reason = NULL, erp_order_id = @erp
                WHERE connection = @connection AND order_number = @number AND state <> 'HandedOver';
                """)
            .With("@connection", connection.Value)
            .With("@number", orderNumber)
            .With("@erp", erpOrderId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
