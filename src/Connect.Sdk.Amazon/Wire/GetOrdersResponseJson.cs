namespace Connect.Sdk.Amazon.Wire;

/// <summary>getOrders' answer: <c>{"payload":{"Orders":[…],"NextToken":…}}</c>.</summary>
internal sealed record GetOrdersResponseJson(OrdersPayloadJson Payload);
