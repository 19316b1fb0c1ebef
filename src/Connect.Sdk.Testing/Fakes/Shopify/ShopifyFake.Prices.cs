using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Prices;
using Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <content>
/// Variant prices: <c>price</c> and <c>compareAtPrice</c> on every variant, in the shop's <see cref="Currency"/>, read
/// through <c>productVariant</c> and <c>product.variants</c> and changed with <c>productVariantsBulkUpdate</c>.
/// </content>
public sealed partial class ShopifyFake : IPriceFake
{
    /// <summary>The price a seeded variant has until a test or a price sync sets another.</summary>
    public const decimal DefaultPrice = 10.00m;

    // Shopify refuses any input list longer than this (page "Shopify API limits", "Input limits").
    private const int MaxInputItems = 250;

    /// <summary>The shop's currency (Settings › Store details), which every variant price is in; EUR unless a test sets another.</summary>
    public CurrencyCode Currency { get; set; } = CurrencyCode.Eur;

    /// <summary>
    /// Whether the shop's prices include tax (<c>shop.taxesIncluded</c>, Settings › Taxes and duties); true, as for a
    /// shop selling to consumers in the EU.
    /// </summary>
    public bool TaxesIncluded { get; set; } = true;

    /// <summary>
    /// The basis the shop takes prices on, as <see cref="TaxesIncluded"/> says: gross when its prices include tax, net
    /// otherwise. The connector refuses a price computed on the other basis.
    /// </summary>
    public PriceBasis? Basis => TaxesIncluded ? PriceBasis.Gross : PriceBasis.Net;

    /// <summary>The price and compare-at price of a variant.</summary>
    /// <param name="foreignNumber">The variant's <c>shopifyvariantid</c> or SKU, or its product's <c>shopifyproductid</c>.</param>
    /// <returns>The prices in <see cref="Currency"/>, or <see langword="null"/> for an unknown variant.</returns>
    public FakePrice? PriceOf(ForeignNumber foreignNumber)
    {
        lock (Gate)
        {
            return FindVariant(foreignNumber) is { } variant
                ? new FakePrice(new Money(variant.Price, Currency), variant.CompareAtPrice is { } compareAt ? new Money(compareAt, Currency) : null)
                : null;
        }
    }

    /// <summary>Sets a seeded variant's prices, as a merchant does in the admin.</summary>
    /// <param name="foreignNumber">The variant's <c>shopifyvariantid</c> or SKU, or its product's <c>shopifyproductid</c>.</param>
    /// <param name="price">The price, in <see cref="Currency"/>.</param>
    /// <param name="compareAtPrice">The compare-at price, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">No such variant is seeded.</exception>
    public void SeedPrice(ForeignNumber foreignNumber, decimal price, decimal? compareAtPrice = null)
    {
        lock (Gate)
        {
            var variant = FindVariant(foreignNumber) ?? throw new ArgumentException($"The Shopify fake has no variant {foreignNumber.Label} {foreignNumber.Value}; seed it first.", nameof(foreignNumber));
            variant.Price = price;
            variant.CompareAtPrice = compareAtPrice;
        }
    }

    // Shopify's Money scalar: a decimal string without currency, here with the currency's minor unit.
    private string MoneyScalar(decimal amount) =>
        amount.ToString("F" + Currency.MinorUnitDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    // A Money input as Shopify takes it: a decimal string ("19.99"); null when it is not one.
    private static decimal? MoneyInput(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String
        && decimal.TryParse(v.GetValue<string>(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;

    private JsonObject UpdateVariants(GraphQLResolveContext context)
    {
        var inputs = context.Arguments.GetValueOrDefault("variants") as JsonArray ?? [];
        if (inputs.Count > MaxInputItems)
        {
            throw new GraphQLFieldException($"The input array size of {inputs.Count} is greater than the maximum allowed of {MaxInputItems}.", "MAX_INPUT_SIZE_EXCEEDED");
        }

        var errors = new JsonArray();
        if (!ShopifyGid.TryParse(StringArgument(context, "productId"), "Product", out var productId) || !_variants.Exists(v => v.ProductId == productId))
        {
            errors.Add(UserError("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId"));
            return new JsonObject { ["product"] = null, ["productVariants"] = null, ["userErrors"] = errors };
        }

        var changes = new List<(ShopifyVariant Variant, JsonObject Input)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var input = inputs[i] as JsonObject ?? [];
            if (CheckVariantInput(input, productId, index, errors) is { } variant)
            {
                changes.Add((variant, input));
            }
        }

        var partial = context.Arguments.GetValueOrDefault("allowPartialUpdates") is JsonValue allow && allow.GetValueKind() == JsonValueKind.True;
        if (errors.Count > 0 && !partial)
        {
            // Without allowPartialUpdates any error keeps every variant as it was.
            return new JsonObject { ["product"] = null, ["productVariants"] = null, ["userErrors"] = errors };
        }

        foreach (var (variant, input) in changes)
        {
            if (input.ContainsKey("price"))
            {
                variant.Price = MoneyInput(input["price"])!.Value;
            }

            if (input.ContainsKey("compareAtPrice"))
            {
                // An explicit null removes the compare-at price.
                variant.CompareAtPrice = MoneyInput(input["compareAtPrice"]);
            }
        }

        return new JsonObject
        {
            ["product"] = RenderProduct(productId),
            ["productVariants"] = new JsonArray([.. changes.Select(c => (JsonNode)RenderVariant(c.Variant))]),
            ["userErrors"] = errors,
        };
    }

    // One variant's input: its id on this product and prices Shopify takes, or the user error naming the field.
    private ShopifyVariant? CheckVariantInput(JsonObject input, long productId, string index, JsonArray errors)
    {
        if ((string?)input["id"] is not { } id)
        {
            errors.Add(UserError("Product variant is missing ID attribute.", "PRODUCT_VARIANT_ID_MISSING", "variants", index, "id"));
            return null;
        }

        if (!ShopifyGid.TryParse(id, "ProductVariant", out var variantId) || _variants.Find(v => v.Id == variantId && v.ProductId == productId) is not { } variant)
        {
            errors.Add(UserError("Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST", "variants", index, "id"));
            return null;
        }

        if (input.ContainsKey("price") && MoneyInput(input["price"]) is not >= 0m)
        {
            errors.Add(UserError("The price of the variant must be greater than or equal to zero.", "GREATER_THAN_OR_EQUAL_TO", "variants", index, "price"));
            return null;
        }

        if (input["compareAtPrice"] is { } compareAt && MoneyInput(compareAt) is not >= 0m)
        {
            errors.Add(UserError("Price cannot take a negative value.", "NEGATIVE_PRICE_VALUE", "variants", index, "compareAtPrice"));
            return null;
        }

        return variant;
    }
}
