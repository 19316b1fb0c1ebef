using System.Text.Json.Nodes;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <summary>A listing (offer) as the Amazon fake holds it: the seller SKU, who fulfils it, its quantity and attributes.</summary>
internal sealed class AmazonListing
{
    public required string Sku { get; init; }

    /// <summary>Amazon's catalogue number of the product the SKU offers; numbered in seeding order so runs repeat.</summary>
    public required string Asin { get; init; }

    /// <summary><see langword="true"/> for Fulfilled by Amazon (AFN): Amazon counts the stock, the seller cannot set it.</summary>
    public required bool FulfilledByAmazon { get; init; }

    public required int Quantity { get; set; }

    public required Instant CreatedDate { get; init; }

    public required Instant LastUpdatedDate { get; set; }

    /// <summary>The product type the last patch named; <c>PRODUCT</c> until one names another.</summary>
    public string ProductType { get; set; } = "PRODUCT";

    /// <summary>
    /// The attributes patches set, by name, as they were sent; <c>fulfillment_availability</c> is not among them:
    /// it is rendered from <see cref="Quantity"/>.
    /// </summary>
    public JsonObject Attributes { get; } = [];
}
