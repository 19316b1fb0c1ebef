namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>What the connection check reads of <c>GET /system_status</c>.</summary>
/// <param name="Environment">The shop's environment.</param>
internal sealed record WooSystemStatusJson(WooEnvironmentJson Environment);
