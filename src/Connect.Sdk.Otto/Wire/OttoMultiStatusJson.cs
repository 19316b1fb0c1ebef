using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>The 207 answer of a quantity update some of whose SKUs are unknown.</summary>
/// <param name="ValidationErrors">The SKUs refused.</param>
internal sealed record OttoMultiStatusJson(
    [property: JsonPropertyName("validationErrors")] OttoValidationErrorJson?[]? ValidationErrors = null);
