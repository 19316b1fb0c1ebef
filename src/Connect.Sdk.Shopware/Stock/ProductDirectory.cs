using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Shopware.Http;
using Connect.Sdk.Shopware.Wire;

namespace Connect.Sdk.Shopware.Stock;

/// <summary>
/// Finds the products and variants behind a batch's product numbers with one search, <c>POST /api/search/product</c>
/// with an <c>equalsAny</c> filter on <c>productNumber</c>, paged by its exact total. The stock and price features share it.
/// </summary>
internal sealed class ProductDirectory(ShopwareClient client)
{
    /// <summary>
    /// The product number a record's foreign number names: under the identity rule the article number
    /// (<see cref="ForeignNumberLabel.ArticleNumber"/>), or a <see cref="ShopwareConnector.ProductNumberLabel"/>.
    /// </summary>
    /// <returns>The product number, or <see langword="null"/> for another label.</returns>
    public static string? ProductNumberOf(ForeignNumber foreignNumber) =>
        foreignNumber.Label == ForeignNumberLabel.ArticleNumber || foreignNumber.Label == ShopwareConnector.ProductNumberLabel ? foreignNumber.Value : null;

    /// <summary>The message of a record whose foreign number is not a product number.</summary>
    public static string WrongLabel(string articleNumber, ForeignNumber foreignNumber) =>
        $"Article {articleNumber} ({foreignNumber.Label} {foreignNumber.Value}): Shopware identifies articles by their product number (the ERP article number), not by '{foreignNumber.Label}'.";

    /// <summary>The products with these numbers, by number; a number the shop does not have is missing.</summary>
    /// <exception cref="ConnectSdkException">The shop refused the search or answered unreadably.</exception>
    public async Task<IReadOnlyDictionary<string, ProductJson>> FindAsync(ConnectionContext connection, IReadOnlyCollection<string> productNumbers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ProductJson>(StringComparer.Ordinal);
        if (productNumbers.Count == 0)
        {
            return found;
        }

        var limit = Math.Clamp(productNumbers.Count, 1, ShopwareApi.SyncBatchSize);
        for (var page = 1; ; page++)
        {
            var criteria = new JsonObject
            {
                ["page"] = page,
                ["limit"] = limit,
                ["total-count-mode"] = 1,
                ["filter"] = new JsonArray(new JsonObject
                {
                    ["type"] = "equalsAny",
                    ["field"] = "productNumber",
                    ["value"] = new JsonArray([.. productNumbers.Distinct(StringComparer.Ordinal).Select(n => (JsonNode)n)]),
                }),
                ["associations"] = new JsonObject { ["tax"] = new JsonObject() },
            };
            var result = await client.SearchAsync(connection, "product", criteria, ShopwareJsonContext.Default.ProductSearchJson, "the product search", cancellationToken).ConfigureAwait(false);

            // The filter matches the number exactly, but only an exact number counts should a plugin widen it.
            foreach (var product in result.Data.Where(p => p.ProductNumber is not null && productNumbers.Contains(p.ProductNumber)))
            {
                found[product.ProductNumber!] = product;
            }

            if (result.Data.Count < limit || page * limit >= result.Total)
            {
                return found;
            }
        }
    }
}
