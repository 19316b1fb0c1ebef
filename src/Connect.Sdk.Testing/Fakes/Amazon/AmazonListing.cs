namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <summary>A listing (offer) as the Amazon fake holds it: the seller SKU, who fulfils it, and its quantity.</summary>
internal sealed class AmazonListing
{
    public required string Sku { get; init; }

    /// <summary>Amazon's catalogue number of the product the SKU offers; numbered in seeding order so runs repeat.</summary>
    public required string Asin { get; init; }

    /// <summary><see langword="true"/> for Fulfilled by Amazon (AFN): Amazon counts the stock, the seller cannot set it.</summary>
    public required bool FulfilledByAmazon { get; init; }

    public required int Quantity { get; set; }
}
