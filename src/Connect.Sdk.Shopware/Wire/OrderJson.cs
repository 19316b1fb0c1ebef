namespace Connect.Sdk.Shopware.Wire;

/// <summary>An order with its associations.</summary>
internal sealed record OrderJson(
    string Id,
    string? OrderNumber,
    string? OrderDateTime,
    string? CreatedAt,
    string? UpdatedAt,
    decimal? AmountTotal,
    string? TaxStatus,
    CartPriceJson? Price,
    CalculatedPriceJson? ShippingCosts,
    CurrencyJson? Currency,
    StateJson? StateMachineState,
    IReadOnlyList<LineItemJson>? LineItems,
    IReadOnlyList<DeliveryJson>? Deliveries,
    IReadOnlyList<TransactionJson>? Transactions,
    AddressJson? BillingAddress,
    OrderCustomerJson? OrderCustomer,
    CashRoundingJson? ItemRounding,
    CashRoundingJson? TotalRounding);
