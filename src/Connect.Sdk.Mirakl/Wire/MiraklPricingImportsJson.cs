using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>PRI02's answer: the price imports asked for.</summary>
internal sealed record MiraklPricingImportsJson([property: JsonPropertyName("data")] MiraklImportStatusJson[]? Data);
