namespace Connect.Sdk.Features;

/// <summary>The kinds of data a connector can exchange ("Features" in the seed).</summary>
public enum FeatureKind
{
    /// <summary>Stock levels out to the marketplace ("Lagerzahlen").</summary>
    Stock,

    /// <summary>Orders in from the marketplace ("Aufträge").</summary>
    Orders,

    /// <summary>Order status and tracking numbers out to the marketplace ("Auftragsstatus &amp; Tracking").</summary>
    OrderStatus,

    /// <summary>Prices out to the marketplace ("Preise").</summary>
    Prices,
}
