namespace Connect.Sdk.Kaufland.Wire;

/// <summary>The product of an order unit, as far as the order needs it.</summary>
/// <param name="Title">The product's title.</param>
internal sealed record KauflandProductJson(string? Title);
