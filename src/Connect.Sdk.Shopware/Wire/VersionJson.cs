namespace Connect.Sdk.Shopware.Wire;

/// <summary>The <c>GET /_info/version</c> answer.</summary>
internal sealed record VersionJson(string? Version);
