using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>A person with an address (<c>ExtendedContact</c>): name, company, address, phone and e-mail.</summary>
internal sealed record EbayContactJson(
    [property: JsonPropertyName("fullName")] string? FullName,
    [property: JsonPropertyName("companyName")] string? CompanyName,
    [property: JsonPropertyName("contactAddress")] EbayAddressJson? ContactAddress,
    [property: JsonPropertyName("primaryPhone")] EbayPhoneJson? PrimaryPhone,
    [property: JsonPropertyName("email")] string? Email);
