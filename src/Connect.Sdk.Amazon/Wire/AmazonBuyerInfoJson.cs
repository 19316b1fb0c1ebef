namespace Connect.Sdk.Amazon.Wire;

/// <summary>The buyer fields of an order; Amazon fills them only for callers with a restricted data token.</summary>
internal sealed record AmazonBuyerInfoJson(string? BuyerEmail = null, string? BuyerName = null);
