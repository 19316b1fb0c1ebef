using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <content>
/// Products and variations as WooCommerce's REST API v3 renders them: every property its reference documents, with
/// WooCommerce's defaults where the fake holds nothing of its own (no description, images, categories but the default).
/// </content>
public sealed partial class WooCommerceFake
{
    // The attribute a variable product varies by: the fake's variations differ by SKU only, so a custom attribute
    // (id 0, as WooCommerce numbers an attribute local to the product) names each variation's option.
    private const string VariantAttribute = "Variant";

    // WooCommerce's uncategorised default category, which every product is in unless given another.
    private static JsonArray DefaultCategories() => new(new JsonObject { ["id"] = 15, ["name"] = "Uncategorized", ["slug"] = "uncategorized" });

    private static JsonObject NoDimensions() => new() { ["length"] = string.Empty, ["width"] = string.Empty, ["height"] = string.Empty };

    // wc_price with the shop's formatting (symbol on the left, "." as decimal separator, 2 decimals) in its currency.
    private string PriceHtml(decimal price) => string.Create(
        CultureInfo.InvariantCulture,
        $"<span class=\"woocommerce-Price-amount amount\"><bdi><span class=\"woocommerce-Price-currencySymbol\">{CurrencySymbol}</span>{Amount(price)}</bdi></span>");

    // get_price_html of a simple product or variation: nothing without a price, the sale struck through beside the regular
    // price while on sale (wc_format_sale_price), else the price.
    private string PriceHtml(WooProduct product) =>
        WooProduct.Parse(product.Price) is not { } price ? string.Empty
        : product.OnSale ? $"<del aria-hidden=\"true\">{PriceHtml(WooProduct.Parse(product.RegularPrice)!.Value)}</del> <ins>{PriceHtml(price)}</ins>"
        : PriceHtml(price);

    // The fake's site time zone is UTC, so a date and its _gmt twin read the same; null where none is set.
    private static string? OptionalDate(Instant? date) => date is { } set ? Date(set) : null;

    private static string StockStatus(WooProduct product) => !product.ManageStock || product.StockQuantity > 0 ? "instock" : "outofstock";

    // A product (or a variation found through /products) as the products controller renders it.
    private JsonObject Render(WooProduct product)
    {
        var variable = product.Type == "variable";
        var variations = _products.Where(p => p.IsVariation && p.ParentId == product.Id).ToList();
        return new JsonObject
        {
            ["id"] = product.Id,
            ["name"] = product.Name,
            ["slug"] = product.Sku.ToLowerInvariant(),
            ["permalink"] = Permalink(product),
            ["date_created"] = Date(product.Created),
            ["date_created_gmt"] = Date(product.Created),
            ["date_modified"] = Date(product.Modified),
            ["date_modified_gmt"] = Date(product.Modified),
            ["type"] = product.Type,
            ["status"] = "publish",
            ["featured"] = false,
            ["catalog_visibility"] = "visible",
            ["description"] = string.Empty,
            ["short_description"] = string.Empty,
            ["sku"] = product.Sku,
            ["price"] = variable ? VariablePrice(variations) : product.Price,
            ["regular_price"] = variable ? string.Empty : product.RegularPrice,
            ["sale_price"] = variable ? string.Empty : product.SalePrice,
            ["date_on_sale_from"] = OptionalDate(product.SaleFrom),
            ["date_on_sale_from_gmt"] = OptionalDate(product.SaleFrom),
            ["date_on_sale_to"] = OptionalDate(product.SaleTo),
            ["date_on_sale_to_gmt"] = OptionalDate(product.SaleTo),
            ["price_html"] = variable ? VariablePriceHtml(variations) : PriceHtml(product),
            ["on_sale"] = variable ? variations.Exists(v => v.OnSale) : product.OnSale,
            ["purchasable"] = variable ? variations.Exists(v => v.Price.Length > 0) : product.Price.Length > 0,
            ["total_sales"] = 0,
            ["virtual"] = false,
            ["downloadable"] = false,
            ["downloads"] = new JsonArray(),
            ["download_limit"] = -1,
            ["download_expiry"] = -1,
            ["external_url"] = string.Empty,
            ["button_text"] = string.Empty,
            ["tax_status"] = "taxable",
            ["tax_class"] = string.Empty,
            ["manage_stock"] = product.ManageStock,
            ["stock_quantity"] = product.ManageStock ? product.StockQuantity : null,
            ["stock_status"] = variable && variations.Count > 0 && variations.TrueForAll(v => StockStatus(v) == "outofstock") ? "outofstock" : StockStatus(product),
            ["backorders"] = "no",
            ["backorders_allowed"] = false,
            ["backordered"] = false,
            ["low_stock_amount"] = null,
            ["sold_individually"] = false,
            ["weight"] = string.Empty,
            ["dimensions"] = NoDimensions(),
            ["shipping_required"] = true,
            ["shipping_taxable"] = true,
            ["shipping_class"] = string.Empty,
            ["shipping_class_id"] = 0,
            ["reviews_allowed"] = true,
            ["average_rating"] = "0.00",
            ["rating_count"] = 0,
            ["related_ids"] = new JsonArray(),
            ["upsell_ids"] = new JsonArray(),
            ["cross_sell_ids"] = new JsonArray(),
            ["parent_id"] = product.ParentId,
            ["purchase_note"] = string.Empty,
            ["categories"] = DefaultCategories(),
            ["tags"] = new JsonArray(),
            ["images"] = new JsonArray(),
            ["attributes"] = product.IsVariation ? VariationAttributes(product) : ProductAttributes(variations),
            ["default_attributes"] = new JsonArray(),
            ["variations"] = new JsonArray(product.Variations.Select(v => (JsonNode)v).ToArray()),
            ["grouped_products"] = new JsonArray(),
            ["menu_order"] = 0,
            ["meta_data"] = new JsonArray(),
            ["_links"] = product.IsVariation
                ? Links($"products/{product.Id}", "products", up: $"products/{product.ParentId}")
                : Links($"products/{product.Id}", "products"),
        };
    }

    // A variation as the variations controller (/products/{id}/variations) renders it.
    private JsonObject RenderVariation(WooProduct variation) => new()
    {
        ["id"] = variation.Id,
        ["name"] = variation.Name,
        ["type"] = variation.Type,
        ["parent_id"] = variation.ParentId,
        ["date_created"] = Date(variation.Created),
        ["date_created_gmt"] = Date(variation.Created),
        ["date_modified"] = Date(variation.Modified),
        ["date_modified_gmt"] = Date(variation.Modified),
        ["description"] = string.Empty,
        ["permalink"] = Permalink(variation),
        ["sku"] = variation.Sku,
        ["price"] = variation.Price,
        ["regular_price"] = variation.RegularPrice,
        ["sale_price"] = variation.SalePrice,
        ["date_on_sale_from"] = OptionalDate(variation.SaleFrom),
        ["date_on_sale_from_gmt"] = OptionalDate(variation.SaleFrom),
        ["date_on_sale_to"] = OptionalDate(variation.SaleTo),
        ["date_on_sale_to_gmt"] = OptionalDate(variation.SaleTo),
        ["on_sale"] = variation.OnSale,
        ["status"] = "publish",
        ["purchasable"] = variation.Price.Length > 0,
        ["virtual"] = false,
        ["downloadable"] = false,
        ["downloads"] = new JsonArray(),
        ["download_limit"] = -1,
        ["download_expiry"] = -1,
        ["tax_status"] = "taxable",
        ["tax_class"] = string.Empty,
        ["manage_stock"] = variation.ManageStock,
        ["stock_quantity"] = variation.ManageStock ? variation.StockQuantity : null,
        ["stock_status"] = StockStatus(variation),
        ["backorders"] = "no",
        ["backorders_allowed"] = false,
        ["backordered"] = false,
        ["low_stock_amount"] = null,
        ["weight"] = string.Empty,
        ["dimensions"] = NoDimensions(),
        ["shipping_class"] = string.Empty,
        ["shipping_class_id"] = 0,
        ["image"] = null,
        ["attributes"] = VariationAttributes(variation),
        ["menu_order"] = 0,
        ["meta_data"] = new JsonArray(),
        ["_links"] = Links($"products/{variation.ParentId}/variations/{variation.Id}", $"products/{variation.ParentId}/variations", up: $"products/{variation.ParentId}"),
    };

    private static JsonArray ProductAttributes(List<WooProduct> variations) => variations.Count == 0
        ? []
        : new JsonArray(new JsonObject
        {
            ["id"] = 0,
            ["name"] = VariantAttribute,
            ["slug"] = VariantAttribute.ToLowerInvariant(),
            ["position"] = 0,
            ["visible"] = true,
            ["variation"] = true,
            ["options"] = new JsonArray(variations.Select(v => (JsonNode)v.Sku).ToArray()),
        });

    private static JsonArray VariationAttributes(WooProduct variation) =>
        new(new JsonObject { ["id"] = 0, ["name"] = VariantAttribute, ["slug"] = VariantAttribute.ToLowerInvariant(), ["option"] = variation.Sku });

    // A variable product's price is its cheapest priced variation's; its price HTML the range of those prices.
    private static string VariablePrice(List<WooProduct> variations) =>
        PricesOf(variations) is { Length: > 0 } prices ? Amount(prices.Min()) : string.Empty;

    private static decimal[] PricesOf(List<WooProduct> variations) => variations.Select(v => WooProduct.Parse(v.Price)).OfType<decimal>().ToArray();

    private string VariablePriceHtml(List<WooProduct> variations)
    {
        if (PricesOf(variations) is not { Length: > 0 } prices)
        {
            return string.Empty;
        }

        var (low, high) = (prices.Min(), prices.Max());
        return low == high ? PriceHtml(low) : $"{PriceHtml(low)} &ndash; {PriceHtml(high)}";
    }

    private string Permalink(WooProduct product)
    {
        var parent = product.IsVariation ? _products.Find(p => p.Id == product.ParentId) : null;
        return parent is null
            ? new Uri(BaseAddress, $"product/{product.Sku.ToLowerInvariant()}/").ToString()
            : new Uri(BaseAddress, $"product/{parent.Sku.ToLowerInvariant()}/?attribute_{VariantAttribute.ToLowerInvariant()}={Uri.EscapeDataString(product.Sku)}").ToString();
    }
}
