namespace Connect.Sdk.Storage.Relational;

/// <summary>Where <see cref="PendingPages"/> finds a pending list; every part is a constant of the store, never input.</summary>
/// <param name="Table">The table, keyed by connection and order number.</param>
/// <param name="Pending">The condition of a pending row, as in the table's partial index.</param>
/// <param name="ChangedAt">The change time column the list is ordered by, then by order number.</param>
/// <param name="Columns">The columns a page selects.</param>
internal sealed record PendingList(string Table, string Pending, string ChangedAt, string Columns);
