using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Kaufland;

/// <summary>A seller's unit (offer) on the fake, the fields of the Seller API's <c>Unit</c> model the fake serves.</summary>
internal sealed class KauflandUnit
{
    public required long IdUnit { get; init; }

    public required string IdOffer { get; set; }

    public required long IdProduct { get; init; }

    public required string Title { get; set; }

    public required int Amount { get; set; }

    public required long ListingPrice { get; set; }

    public long? MinimumPrice { get; set; }

    public required Instant Inserted { get; init; }

    public required Instant Changed { get; set; }
}
