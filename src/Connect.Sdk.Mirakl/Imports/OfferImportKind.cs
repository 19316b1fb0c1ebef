namespace Connect.Sdk.Mirakl.Imports;

/// <summary>The routes of one kind of offer file import; <c>{0}</c> in a path is the import id.</summary>
/// <param name="Name">The import's name in messages.</param>
/// <param name="UploadPath">The upload (STO01, PRI01).</param>
/// <param name="StatusPath">The status read (STO02, PRI02).</param>
/// <param name="ErrorReportPath">The error report (STO03, PRI03).</param>
internal sealed record OfferImportKind(string Name, string UploadPath, string StatusPath, string ErrorReportPath)
{
    /// <summary>The stock import: <c>"offer-sku";"quantity"</c>.</summary>
    public static OfferImportKind Stock { get; } = new("stock", "offers/stock/imports", "offers/stock/imports/{0}/status", "offers/stock/imports/{0}/error_report");

    /// <summary>The price import: <c>"offer-sku";"price";"discount-price"</c>.</summary>
    public static OfferImportKind Pricing { get; } = new("price", "offers/pricing/imports", "offers/pricing/imports?import_id={0}", "offers/pricing/imports/{0}/error_report");

    /// <summary>The upload's operation name, as the request handler recognises a file.</summary>
    public string UploadOperation => this == Stock ? "offers.stock.import" : "offers.pricing.import";

    /// <summary>The status read's operation name.</summary>
    public string StatusOperation => UploadOperation + ".status";

    /// <summary>The error report's operation name.</summary>
    public string ErrorReportOperation => UploadOperation + ".errors";
}
