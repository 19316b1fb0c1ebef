using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>
/// A tax or fee eBay collects from the buyer and remits itself (<c>EbayCollectAndRemitTax</c>): US and Canadian sales
/// tax, GST, VAT on imports into the UK and the EU, recycling fees; <c>collectionMethod</c> is always <c>NET</c>.
/// </summary>
internal sealed record EbayCollectAndRemitTaxJson(
    [property: JsonPropertyName("amount")] EbayAmountJson? Amount,
    [property: JsonPropertyName("taxType")] string? TaxType,
    [property: JsonPropertyName("collectionMethod")] string? CollectionMethod);
