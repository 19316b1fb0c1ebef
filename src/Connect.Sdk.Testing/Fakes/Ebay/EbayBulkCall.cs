namespace Connect.Sdk.Testing.Fakes.Ebay;

/// <summary>One <c>bulkUpdatePriceQuantity</c> call the fake took: the SKUs it was sent and the SKU of each result it answered.</summary>
/// <param name="RequestedSkus">The <c>requests[].sku</c>, in order.</param>
/// <param name="AnsweredSkus">The <c>responses[].sku</c>, one per offer or per SKU without offers, in order.</param>
public sealed record EbayBulkCall(IReadOnlyList<string?> RequestedSkus, IReadOnlyList<string?> AnsweredSkus);
