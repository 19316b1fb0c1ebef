namespace Connect.Sdk.Amazon.Wire;

/// <summary>The payload of a getOrders page: the orders and, unless it is the last page, a <c>NextToken</c>.</summary>
/// <remarks>The orders stay raw JSON so that one unreadable order fails alone, not the page.</remarks>
internal sealed record OrdersPayloadJson(IReadOnlyList<System.Text.Json.JsonElement> Orders, string? NextToken = null);
