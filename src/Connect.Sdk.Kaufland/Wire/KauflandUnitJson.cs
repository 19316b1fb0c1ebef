namespace Connect.Sdk.Kaufland.Wire;

/// <summary>A seller's unit (offer), as far as stock and prices need it.</summary>
/// <param name="IdUnit">The unit id, the foreign number <c>apiunitid</c>.</param>
/// <param name="IdOffer">The seller's own id of the offer.</param>
/// <param name="Amount">The amount available (the stock).</param>
/// <param name="ListingPrice">The listing price in integer cents of <paramref name="Currency"/>.</param>
/// <param name="Currency">The storefront's currency.</param>
internal sealed record KauflandUnitJson(long IdUnit, string? IdOffer, int? Amount, long? ListingPrice, string? Currency);
