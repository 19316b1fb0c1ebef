namespace Connect.Sdk.Kaufland.Wire;

/// <summary>The Seller API's <c>Buyer</c>.</summary>
/// <param name="Email">The buyer's e-mail address.</param>
internal sealed record KauflandBuyerJson(string? Email);
