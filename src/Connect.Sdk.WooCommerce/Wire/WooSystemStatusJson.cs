namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>What the connection check reads of <c>GET /system_status</c>.</summary>
/// <param name="Environment">The shop's environment.</param>
internal sealed record WooSystemStatusJson(WooEnvironmentJson Environment);

/// <summary>The <c>environment</c> part of the system status.</summary>
/// <param name="HomeUrl">The shop's address.</param>
/// <param name="Version">The WooCommerce version.</param>
internal sealed record WooEnvironmentJson(string? HomeUrl = null, string? Version = null);
