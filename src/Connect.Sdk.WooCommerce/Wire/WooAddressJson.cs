using System.Text.Json.Serialization;

namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>An order's <c>billing</c> or <c>shipping</c> address; WooCommerce sends "" for an empty field.</summary>
internal sealed record WooAddressJson(
    string? FirstName = null,
    string? LastName = null,
    string? Company = null,
    [property: JsonPropertyName("address_1")] string? Address1 = null,
    [property: JsonPropertyName("address_2")] string? Address2 = null,
    string? City = null,
    string? State = null,
    string? Postcode = null,
    string? Country = null,
    string? Email = null,
    string? Phone = null);
