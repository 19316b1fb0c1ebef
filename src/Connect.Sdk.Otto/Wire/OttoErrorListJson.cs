using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>OTTO's error body: <c>{"errors":[…]}</c>.</summary>
/// <param name="Errors">The errors.</param>
internal sealed record OttoErrorListJson(
    [property: JsonPropertyName("errors")] OttoErrorJson?[]? Errors = null);
