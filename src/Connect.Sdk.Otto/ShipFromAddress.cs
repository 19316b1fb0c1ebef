namespace Connect.Sdk.Otto;

/// <summary>Where shipments leave from, as OTTO's <c>shipFromAddress</c> takes it.</summary>
/// <param name="City">The city.</param>
/// <param name="ZipCode">The postcode.</param>
/// <param name="CountryCode">The country, ISO 3166-1 alpha-3 (DEU).</param>
internal sealed record ShipFromAddress(string City, string ZipCode, string CountryCode);
