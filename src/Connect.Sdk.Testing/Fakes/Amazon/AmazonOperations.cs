namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <summary>
/// The operation names of the <see cref="AmazonSellingPartnerFake"/>: the request log's and the fault plan's
/// names, the same as the operation ids of Amazon's API models.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>operation</term><description>route</description></listheader>
/// <item><term><c>lwa.token</c></term><description><c>POST /auth/o2/token</c> (Login with Amazon)</description></item>
/// <item><term><c>getOrders</c></term><description><c>GET /orders/v0/orders</c></description></item>
/// <item><term><c>getOrder</c></term><description><c>GET /orders/v0/orders/{orderId}</c></description></item>
/// <item><term><c>getOrderItems</c></term><description><c>GET /orders/v0/orders/{orderId}/orderItems</c></description></item>
/// <item><term><c>confirmShipment</c></term><description><c>POST /orders/v0/orders/{orderId}/shipmentConfirmation</c></description></item>
/// <item><term><c>getListingsItem</c></term><description><c>GET /listings/2021-08-01/items/{sellerId}/{sku}</c></description></item>
/// <item><term><c>patchListingsItem</c></term><description><c>PATCH /listings/2021-08-01/items/{sellerId}/{sku}</c></description></item>
/// <item><term><c>route.unknown</c></term><description>any other request (404)</description></item>
/// </list>
/// </remarks>
public static class AmazonOperations
{
    /// <summary>The LWA token exchange, <c>POST /auth/o2/token</c>.</summary>
    public const string LwaToken = "lwa.token";

    /// <summary><c>GET /orders/v0/orders</c>.</summary>
    public const string GetOrders = "getOrders";

    /// <summary><c>GET /orders/v0/orders/{orderId}</c>.</summary>
    public const string GetOrder = "getOrder";

    /// <summary><c>GET /orders/v0/orders/{orderId}/orderItems</c>.</summary>
    public const string GetOrderItems = "getOrderItems";

    /// <summary><c>POST /orders/v0/orders/{orderId}/shipmentConfirmation</c>.</summary>
    public const string ConfirmShipment = "confirmShipment";

    /// <summary><c>GET /listings/2021-08-01/items/{sellerId}/{sku}</c>.</summary>
    public const string GetListingsItem = "getListingsItem";

    /// <summary><c>PATCH /listings/2021-08-01/items/{sellerId}/{sku}</c>.</summary>
    public const string PatchListingsItem = "patchListingsItem";
}
