using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Wire;

namespace Connect.Sdk.Shopify.Catalog;

/// <summary>
/// Finds the one variant an article's foreign number names, under the connector's rules: a <c>shopifyvariantid</c>
/// names the variant, a <c>shopifyproductid</c> a product without options through its one default variant. Stock and
/// prices both live on the variant, so both features find it here, each reading the fields it needs.
/// </summary>
internal sealed class ShopifyVariantFinder(ShopifyGraphQLClient client)
{
    /// <summary>Reads the variant.</summary>
    /// <param name="session">The connection.</param>
    /// <param name="foreignNumber">The article's foreign number.</param>
    /// <param name="reads">The documents that read a variant by its id and a product with its first two variants.</param>
    /// <param name="variables">More variables both documents take (e.g. the location), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The variant with its product's GID, or why the foreign number names none.</returns>
    public async Task<FoundVariant> FindAsync(ShopifySession session, ForeignNumber foreignNumber, VariantReads reads, JsonObject? variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(reads);
        if (foreignNumber.Label != ForeignNumberLabel.ShopifyVariantId && foreignNumber.Label != ForeignNumberLabel.ShopifyProductId)
        {
            return FoundVariant.None($"'{foreignNumber.Label}' is not a Shopify label; use shopifyvariantid or shopifyproductid");
        }

        var id = foreignNumber.Value?.Trim() ?? string.Empty;
        if (!ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return FoundVariant.None($"the {foreignNumber.Label} '{foreignNumber.Value}' is not a Shopify id (digits only)");
        }

        if (foreignNumber.Label == ForeignNumberLabel.ShopifyVariantId)
        {
            var data = await client.SendAsync(session, reads.ByVariant, With(variables, ShopifyGid.Of("ProductVariant", id)), ShopifyJsonContext.Default.ShopifyResponseJsonShopifyVariantDataJson, cancellationToken).ConfigureAwait(false);
            return data.ProductVariant is { } variant
                ? new FoundVariant(variant, variant.Product?.Id, $"variant {id}", null)
                : FoundVariant.None($"Shopify has no variant {id} (shopifyvariantid)");
        }

        var found = await client.SendAsync(session, reads.ByProduct, With(variables, ShopifyGid.Of("Product", id)), ShopifyJsonContext.Default.ShopifyResponseJsonShopifyProductDataJson, cancellationToken).ConfigureAwait(false);
        if (found.Product is not { } product)
        {
            return FoundVariant.None($"Shopify has no product {id} (shopifyproductid)");
        }

        var variants = product.Variants?.Nodes ?? [];
        return variants.Count == 1
            ? new FoundVariant(variants[0], product.Id, $"product {id}", null)
            : FoundVariant.None($"product {id} has {(variants.Count == 0 ? "no" : "several")} variants; stock and prices are kept per variant, so map its variants with shopifyvariantid");
    }

    private static JsonObject With(JsonObject? variables, string gid)
    {
        var all = new JsonObject { ["id"] = gid };
        foreach (var (name, value) in variables ?? [])
        {
            all[name] = value?.DeepClone();
        }

        return all;
    }
}
