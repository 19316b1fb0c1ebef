using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>OR21's body: a decision for every order line.</summary>
internal sealed record MiraklAcceptJson([property: JsonPropertyName("order_lines")] MiraklLineDecisionJson[] OrderLines);
