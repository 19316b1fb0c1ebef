namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>WooCommerce's error shape, <c>{code, message, data: {status}}</c>, also inside a refused batch item.</summary>
/// <param name="Code">The error code, e.g. <c>woocommerce_rest_product_invalid_id</c>.</param>
/// <param name="Message">The message for people.</param>
internal sealed record WooErrorJson(string Code, string Message);
