namespace Connect.Sdk.Amazon.Wire;

/// <summary>An order item in a package: <c>{orderItemId, quantity}</c>.</summary>
internal sealed record PackageItemJson(string OrderItemId, int Quantity);
