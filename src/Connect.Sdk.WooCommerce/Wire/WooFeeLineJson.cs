namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>One <c>fee_lines[]</c> entry of an order: a charge that is neither a product nor shipping; negative for a credit.</summary>
/// <param name="Name">The fee's name.</param>
/// <param name="Total">The fee without tax, as a decimal string.</param>
/// <param name="TotalTax">The tax of <paramref name="Total"/>.</param>
internal sealed record WooFeeLineJson(string Name, string Total, string TotalTax);
