using Connect.Sdk.Settings;

namespace Connect.Sdk.Shopware.Http;

/// <summary>The setting keys of a connection's integration access key, both secret.</summary>
internal static class ShopwareCredentials
{
    /// <summary>The access key id and the secret access key, in the order the endpoint reads them.</summary>
    public static IReadOnlyList<string> SecretKeys { get; } = [ShopwareConnector.ClientIdKey, ShopwareConnector.ClientSecretKey];
}
