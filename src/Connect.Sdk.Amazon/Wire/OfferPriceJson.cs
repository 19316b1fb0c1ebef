namespace Connect.Sdk.Amazon.Wire;

/// <summary>A price of a <c>purchasable_offer</c> (<c>our_price</c>): <c>{schedule:[…]}</c>.</summary>
internal sealed record OfferPriceJson(IReadOnlyList<PriceScheduleJson> Schedule);
