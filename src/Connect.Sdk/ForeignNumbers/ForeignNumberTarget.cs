namespace Connect.Sdk.ForeignNumbers;

/// <summary>Which ERP articles a foreign-number label ("Bezeichnung") belongs to ("Art des Artikels").</summary>
public enum ForeignNumberTarget
{
    /// <summary>
    /// A simple article or a matrix parent: what the marketplace calls a product or listing (e.g.
    /// <c>shopifyproductid</c>, <c>eBayListing</c>).
    /// </summary>
    Article,

    /// <summary>A variant of a matrix product (e.g. <c>shopifyvariantid</c>).</summary>
    Variant,

    /// <summary>Any article: simple, matrix parent or variant (e.g. <c>SKU_FBA</c>, <c>apiunitid</c>).</summary>
    Any,
}
