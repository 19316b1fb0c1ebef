namespace Connect.Sdk.Journal;

/// <summary>The kind of record a journal entry tracks (the tabs of the seed's journal).</summary>
public enum RecordKind
{
    /// <summary>An article's stock level ("Artikel").</summary>
    ArticleStock,

    /// <summary>An order import ("Aufträge").</summary>
    Order,

    /// <summary>An order's status and tracking export ("Auftragsstatus &amp; Tracking").</summary>
    OrderStatus,

    /// <summary>
    /// A kind of work on the connection as a whole ("Verbindung"), keyed by its <see cref="Sync.WorkKind"/> name: failed
    /// while that work cannot run at all (the marketplace refuses every call, answers with an error page), so that a
    /// failure that is no one record's still reaches the user and the alerts.
    /// </summary>
    Connection,

    /// <summary>An article's price ("Preise"); added last so that stored kinds keep their numbers.</summary>
    ArticlePrice,
}
