namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>The <c>environment</c> part of the system status.</summary>
/// <param name="HomeUrl">The shop's address.</param>
/// <param name="Version">The WooCommerce version.</param>
internal sealed record WooEnvironmentJson(string? HomeUrl = null, string? Version = null);
