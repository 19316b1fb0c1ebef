namespace Connect.Sdk.Amazon.Wire;

/// <summary>The payload of a getOrderItems page: the items and, unless it is the last page, a <c>NextToken</c>.</summary>
internal sealed record OrderItemsPayloadJson(IReadOnlyList<AmazonOrderItemJson> OrderItems, string? AmazonOrderId = null, string? NextToken = null);
