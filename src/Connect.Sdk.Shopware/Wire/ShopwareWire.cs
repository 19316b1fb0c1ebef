using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Shopware.Wire;

/// <summary>The token request of the client-credentials grant.</summary>
internal sealed record TokenRequestJson(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret);

/// <summary>The token answer: <c>{token_type, expires_in, access_token}</c>.</summary>
internal sealed record TokenJson(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>Shopware's error body.</summary>
internal sealed record ErrorsJson(IReadOnlyList<ErrorJson>? Errors);

/// <summary>One error: status, code, title, detail, the pointer to the field and meta.</summary>
internal sealed record ErrorJson(string? Status, string? Code, string? Title, string? Detail, ErrorSourceJson? Source, ErrorMetaJson? Meta);

/// <summary>Where an error points, e.g. <c>/stock/3/stock</c>.</summary>
internal sealed record ErrorSourceJson(string? Pointer);

/// <summary>An error's meta: the parameters of its message.</summary>
internal sealed record ErrorMetaJson(ErrorParametersJson? Parameters);

/// <summary>The parameters of an illegal transition.</summary>
internal sealed record ErrorParametersJson(string? CurrentState, IReadOnlyList<string>? PossibleTransitions);

/// <summary>The <c>GET /_info/version</c> answer.</summary>
internal sealed record VersionJson(string? Version);

/// <summary>A product search's answer.</summary>
internal sealed record ProductSearchJson(int Total, IReadOnlyList<ProductJson> Data);

/// <summary>A product or variant as the connector reads it.</summary>
internal sealed record ProductJson(string Id, string? ParentId, string? ProductNumber, int? Stock, IReadOnlyList<PriceJson>? Price, TaxJson? Tax);

/// <summary>A product's tax.</summary>
internal sealed record TaxJson(decimal TaxRate);

/// <summary>One entry of a product's <c>price</c>.</summary>
internal sealed record PriceJson(string CurrencyId, decimal Net, decimal Gross, bool Linked, PriceJson? ListPrice)
{
    /// <summary>The entry as written back unchanged.</summary>
    public PriceWriteJson ToWrite() => new(CurrencyId, Net, Gross, Linked, ListPrice is { } l ? new ListPriceWriteJson(l.CurrencyId, l.Net, l.Gross, l.Linked) : null);
}

/// <summary>A <c>price</c> entry as written: <c>listPrice</c> is always sent, null to clear it.</summary>
internal sealed record PriceWriteJson(
    string CurrencyId,
    decimal Net,
    decimal Gross,
    bool Linked,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ListPriceWriteJson? ListPrice);

/// <summary>A list price as written.</summary>
internal sealed record ListPriceWriteJson(string CurrencyId, decimal Net, decimal Gross, bool Linked);

/// <summary>One record of a product upsert: its stock or its price.</summary>
internal sealed record ProductWriteJson(string Id, int? Stock = null, IReadOnlyList<PriceWriteJson>? Price = null);

/// <summary>One operation of a sync request.</summary>
internal sealed record SyncOperationJson(string Entity, string Action, IReadOnlyList<ProductWriteJson> Payload);

/// <summary>The sync answer: the written ids per entity.</summary>
internal sealed record SyncResultJson(IReadOnlyDictionary<string, IReadOnlyList<string>>? Data);

/// <summary>A currency search's answer.</summary>
internal sealed record CurrencySearchJson(IReadOnlyList<CurrencyJson> Data);

/// <summary>A currency.</summary>
internal sealed record CurrencyJson(string Id, string? IsoCode);

/// <summary>A customer group search's answer.</summary>
internal sealed record CustomerGroupSearchJson(IReadOnlyList<CustomerGroupJson> Data);

/// <summary>A customer group and whether it is shown gross prices.</summary>
internal sealed record CustomerGroupJson(string Id, bool? DisplayGross);

/// <summary>An order search's answer, the orders raw so one unreadable order fails alone.</summary>
internal sealed record OrderSearchJson(int Total, IReadOnlyList<JsonElement> Data);

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
    OrderCustomerJson? OrderCustomer);

/// <summary>An order's CartPrice.</summary>
internal sealed record CartPriceJson(string? TaxStatus, decimal? TotalPrice);

/// <summary>A CalculatedPrice: unit, quantity, total and the taxes in it.</summary>
internal sealed record CalculatedPriceJson(decimal? UnitPrice, int? Quantity, decimal? TotalPrice, IReadOnlyList<CalculatedTaxJson>? CalculatedTaxes);

/// <summary>One tax of a CalculatedPrice.</summary>
internal sealed record CalculatedTaxJson(decimal Tax, decimal TaxRate, decimal Price);

/// <summary>A state machine state.</summary>
internal sealed record StateJson(string? TechnicalName);

/// <summary>An order line item.</summary>
internal sealed record LineItemJson(string Id, string? Type, string? Label, int? Quantity, decimal? UnitPrice, decimal? TotalPrice, int? Position, CalculatedPriceJson? Price, LineItemPayloadJson? Payload);

/// <summary>A line item's payload.</summary>
internal sealed record LineItemPayloadJson(string? ProductNumber);

/// <summary>An order delivery.</summary>
internal sealed record DeliveryJson(string Id, IReadOnlyList<string>? TrackingCodes, StateJson? StateMachineState, AddressJson? ShippingOrderAddress, JsonElement? CustomFields);

/// <summary>An order transaction.</summary>
internal sealed record TransactionJson(PaymentMethodJson? PaymentMethod);

/// <summary>A payment method.</summary>
internal sealed record PaymentMethodJson(string? Name);

/// <summary>An order address.</summary>
internal sealed record AddressJson(
    string? FirstName,
    string? LastName,
    string? Company,
    string? Street,
    string? AdditionalAddressLine1,
    string? Zipcode,
    string? City,
    string? PhoneNumber,
    CountryJson? Country,
    CountryStateJson? CountryState);

/// <summary>A country.</summary>
internal sealed record CountryJson(string? Iso);

/// <summary>A country state.</summary>
internal sealed record CountryStateJson(string? ShortCode);

/// <summary>The order's customer.</summary>
internal sealed record OrderCustomerJson(string? Email);

/// <summary>The delivery write: its tracking codes and the parcels custom field.</summary>
internal sealed record DeliveryUpdateJson(IReadOnlyList<string> TrackingCodes, IReadOnlyDictionary<string, IReadOnlyList<ParcelJson>> CustomFields);

/// <summary>A parcel as the delivery's custom field keeps it.</summary>
internal sealed record ParcelJson(string TrackingCode, string? Carrier, IReadOnlyList<ParcelLineJson>? Lines);

/// <summary>A parcel's line.</summary>
internal sealed record ParcelLineJson(string OrderLineItemId, int Quantity);

/// <summary>The source-generated serializer context of every wire type (camelCase, nulls left out unless marked).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TokenRequestJson))]
[JsonSerializable(typeof(TokenJson))]
[JsonSerializable(typeof(ErrorsJson))]
[JsonSerializable(typeof(VersionJson))]
[JsonSerializable(typeof(ProductSearchJson))]
[JsonSerializable(typeof(SyncOperationJson[]))]
[JsonSerializable(typeof(SyncResultJson))]
[JsonSerializable(typeof(CurrencySearchJson))]
[JsonSerializable(typeof(CustomerGroupSearchJson))]
[JsonSerializable(typeof(OrderSearchJson))]
[JsonSerializable(typeof(OrderJson))]
[JsonSerializable(typeof(DeliveryUpdateJson))]
[JsonSerializable(typeof(IReadOnlyList<ParcelJson>))]
internal sealed partial class ShopwareJsonContext : JsonSerializerContext;
