namespace Connect.Sdk.Kaufland.Wire;

/// <summary>The body of <c>PATCH /units/{id_unit}</c> (the Seller API's <c>UnitPatchRequest</c>): only the fields sent change.</summary>
/// <param name="Amount">The new amount, or <see langword="null"/> to leave it.</param>
/// <param name="ListingPrice">The new listing price in integer cents, or <see langword="null"/> to leave it.</param>
internal sealed record KauflandUnitPatchJson(int? Amount = null, long? ListingPrice = null);
