using Connect.Sdk.Ebay.Wire;

namespace Connect.Sdk.Ebay.Inventory;

/// <summary>
/// The Inventory API errors the connector acts on, recognised by eBay's <c>errorId</c>, never by the wording of the
/// message, which eBay may change or translate.
/// </summary>
internal static class EbayInventoryErrors
{
    /// <summary>
    /// <c>25713</c>, "This Offer is not available": the offer id is not (or no longer) a live offer of the SKU, e.g. the
    /// listing was ended or replaced.
    /// </summary>
    public const int OfferNotAvailable = 25713;

    /// <summary>Whether eBay refused a SKU because an offer id it was sent is not available any more.</summary>
    /// <param name="errors">The SKU's errors.</param>
    /// <returns><see langword="true"/> when one of them is <see cref="OfferNotAvailable"/>.</returns>
    public static bool NamesAnOfferNotAvailable(IEnumerable<EbayErrorJson> errors) => errors.Any(e => e.ErrorId == OfferNotAvailable);
}
