using Connect.Sdk.Features;

namespace Connect.Sdk.WooCommerce.Stock;

/// <summary>A record's product or variation, or the failure that ends the record before anything is sent for it.</summary>
/// <param name="Target">The product or variation; <see langword="null"/> when the record failed.</param>
/// <param name="Failure">Why the record failed; <see langword="null"/> when its target was found.</param>
internal sealed record SkuLookup(StockTarget? Target, RecordResult? Failure)
{
    /// <summary>The record's target was found.</summary>
    /// <param name="target">The product or variation.</param>
    /// <returns>The lookup.</returns>
    public static SkuLookup Found(StockTarget target) => new(target, null);

    /// <summary>The record fails without being sent.</summary>
    /// <param name="articleNumber">The record's article number.</param>
    /// <param name="message">The journal's message, naming the article.</param>
    /// <returns>The lookup.</returns>
    public static SkuLookup Failed(string articleNumber, string message) => new(null, RecordResult.Failure(articleNumber, message));
}
