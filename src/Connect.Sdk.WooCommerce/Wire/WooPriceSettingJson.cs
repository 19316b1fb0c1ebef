namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>A setting option prices depend on, as <c>GET /settings/{group}/{id}</c> answers it (the fields read).</summary>
/// <param name="Id">The option, e.g. <c>woocommerce_currency</c>.</param>
/// <param name="Value">Its value, e.g. <c>EUR</c>.</param>
internal sealed record WooPriceSettingJson(string Id, string Value);
