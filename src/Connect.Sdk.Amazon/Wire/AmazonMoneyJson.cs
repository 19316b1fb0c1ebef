namespace Connect.Sdk.Amazon.Wire;

/// <summary>Amazon's Money: an ISO 4217 currency and the amount as a decimal string ("12.99").</summary>
internal sealed record AmazonMoneyJson(string CurrencyCode, string Amount);
