namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>An authentication error WooCommerce answers with 401, in its own code and words.</summary>
/// <param name="Code">The error code, e.g. <c>woocommerce_rest_authentication_error</c>.</param>
/// <param name="Message">WooCommerce's message, e.g. <c>Invalid timestamp.</c>.</param>
internal sealed record WooCommerceAuthenticationRefusal(string Code, string Message);
