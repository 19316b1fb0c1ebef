using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>An order's cancellation state: <c>NONE_REQUESTED</c>, <c>IN_PROGRESS</c> or <c>CANCELED</c>.</summary>
internal sealed record EbayCancelStatusJson([property: JsonPropertyName("cancelState")] string? CancelState);
