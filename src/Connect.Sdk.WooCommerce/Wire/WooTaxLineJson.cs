namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>One <c>tax_lines[]</c> entry of an order.</summary>
/// <param name="RateId">The tax rate id.</param>
/// <param name="RatePercent">The rate in percent (sent by WooCommerce 5.7 and later), e.g. 19.</param>
internal sealed record WooTaxLineJson(long RateId, decimal? RatePercent = null);
