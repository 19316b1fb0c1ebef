using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>An amount with its currency; OTTO sends the amount as a JSON number.</summary>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">The ISO 4217 currency.</param>
internal sealed record OttoAmountJson(
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency);
