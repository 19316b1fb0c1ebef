namespace Connect.Sdk.Mirakl;

/// <summary>How a connection decides about order lines that wait for acceptance (Mirakl's <c>WAITING_ACCEPTANCE</c>).</summary>
public enum MiraklAcceptance
{
    /// <summary>
    /// The user decides: a waiting order is journaled "waiting for acceptance" and accepted when the user retries it
    /// from the journal (or imports it by number), or accepts it in the Mirakl back office.
    /// </summary>
    Manual,

    /// <summary>
    /// The connector accepts every line of an order the ERP can fulfil: each line's shop SKU maps to an ERP article,
    /// and the ERP's free stock (on hand less reserved) covers the order's quantity of each article. Any other order
    /// waits for the user as with <see cref="Manual"/>; the connector never refuses a line.
    /// </summary>
    Automatic,
}
