using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>One result of <c>bulkUpdatePriceQuantity</c>: <c>statusCode</c> 200 on success, else its own errors.</summary>
internal sealed record PriceQuantityResponseJson(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("sku")] string? Sku,
    [property: JsonPropertyName("offerId")] string? OfferId,
    [property: JsonPropertyName("errors")] IReadOnlyList<EbayErrorJson>? Errors,
    [property: JsonPropertyName("warnings")] IReadOnlyList<EbayErrorJson>? Warnings);
