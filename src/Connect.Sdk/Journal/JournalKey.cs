namespace Connect.Sdk.Journal;

/// <summary>The identity of a journal entry: one per connection, record kind and record key.</summary>
/// <param name="Connection">The connection.</param>
/// <param name="Kind">The record kind.</param>
/// <param name="RecordKey">The ERP article number for stock, the marketplace order number for orders and status.</param>
public readonly record struct JournalKey(ConnectionId Connection, RecordKind Kind, string RecordKey)
{
    /// <inheritdoc />
    public override string ToString() => $"{Connection}/{Kind}/{RecordKey}";
}
