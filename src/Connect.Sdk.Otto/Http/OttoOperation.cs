namespace Connect.Sdk.Otto.Http;

/// <summary>The operation names of OTTO's endpoints, in logs, traces, metrics and rate budgets (one budget per endpoint).</summary>
internal static class OttoOperation
{
    public const string Token = "token";
    public const string QuantitiesUpdate = "availability.quantities.update";
    public const string OrdersList = "orders.list";
    public const string OrdersGet = "orders.get";
    public const string ShipmentsCreate = "shipments.create";
    public const string PricesUpdate = "prices.update";
}
