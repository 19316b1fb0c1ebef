using System.Text.Json.Serialization;

namespace Connect.Sdk.Amazon.Wire;

/// <summary>One entry of a price schedule: <c>value_with_tax</c>, a JSON number in the offer's currency (no start or end: it holds until changed).</summary>
internal sealed record PriceScheduleJson([property: JsonPropertyName("value_with_tax")] decimal ValueWithTax);
