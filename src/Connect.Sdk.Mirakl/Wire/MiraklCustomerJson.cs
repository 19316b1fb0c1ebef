using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>The customer of an OR11 order with the addresses the shop gets.</summary>
internal sealed record MiraklCustomerJson(
    [property: JsonPropertyName("billing_address")] MiraklAddressJson? BillingAddress,
    [property: JsonPropertyName("shipping_address")] MiraklAddressJson? ShippingAddress);
