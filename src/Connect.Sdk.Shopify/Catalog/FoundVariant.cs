using Connect.Sdk.Shopify.Wire;

namespace Connect.Sdk.Shopify.Catalog;

/// <summary>The variant an article's foreign number names, or why it names none.</summary>
/// <param name="Variant">The variant as read.</param>
/// <param name="ProductGid">Its product's GID, when the read selected it.</param>
/// <param name="What">How messages name it, e.g. <c>variant 123</c> or <c>product 456</c>.</param>
/// <param name="Problem">Why there is no variant, or <see langword="null"/>.</param>
internal sealed record FoundVariant(ShopifyVariantJson? Variant, string? ProductGid, string What, string? Problem)
{
    /// <summary>No variant.</summary>
    /// <param name="problem">Why.</param>
    /// <returns>The result.</returns>
    public static FoundVariant None(string problem) => new(null, null, string.Empty, problem);
}
