namespace Connect.Sdk.Amazon.Wire;

/// <summary>getOrderItems' answer: <c>{"payload":{"OrderItems":[…],"AmazonOrderId":…,"NextToken":…}}</c>.</summary>
internal sealed record GetOrderItemsResponseJson(OrderItemsPayloadJson Payload);
