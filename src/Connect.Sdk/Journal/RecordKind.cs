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
}
