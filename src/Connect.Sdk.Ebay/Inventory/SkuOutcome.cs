namespace Connect.Sdk.Ebay.Inventory;

/// <summary>What eBay answered for one SKU of a <c>bulkUpdatePriceQuantity</c> call.</summary>
/// <param name="Succeeded">Every result of the SKU (one per offer) is 2xx.</param>
/// <param name="Reason">eBay's errors in one line (ids, messages, fields), or why the SKU has no answer; <see langword="null"/> on success.</param>
internal sealed record SkuOutcome(bool Succeeded, string? Reason)
{
    /// <summary>A SKU eBay updated.</summary>
    public static SkuOutcome Updated { get; } = new(true, null);
}
