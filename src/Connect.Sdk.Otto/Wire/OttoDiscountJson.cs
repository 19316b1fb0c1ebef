using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>A discount on the whole order at checkout (InitialDiscount), taken off the position items it names.</summary>
/// <param name="DiscountAmount">What it takes off those pieces together.</param>
/// <param name="PositionItemIds">The pieces it applies to.</param>
/// <param name="DiscountName">Its name.</param>
internal sealed record OttoDiscountJson(
    [property: JsonPropertyName("discountAmount")] OttoAmountJson DiscountAmount,
    [property: JsonPropertyName("positionItemIds")] string[]? PositionItemIds = null,
    [property: JsonPropertyName("discountName")] string? DiscountName = null);
