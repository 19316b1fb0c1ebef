using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes.Shopware;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Shopware.Tests.TestSupport;

/// <summary>The access keys the tests use, each registered with the run-wide credential scan.</summary>
internal static class ShopwareTestKeys
{
    public static readonly string ClientId = AdapterTestLog.Secret("SWIAQ0VZR1HXTEPKTUNGWKLVNG");

    public static readonly string ClientSecret = AdapterTestLog.Secret("c2VjcmV0LXNob3B3YXJlLWludGVncmF0aW9uLWtleS0xMjM0");

    public static readonly string WrongSecret = AdapterTestLog.Secret("d3Jvbmctc2hvcHdhcmUtc2VjcmV0LWFjY2Vzcy1rZXktOTg3Ng");

    public static ShopwareCredentials Credentials => new(ClientId, ClientSecret);

    public static SettingsUpdate Settings(Uri shop, string? secret = null) => SettingsUpdate.Empty
        .Set(ShopwareConnector.ShopUrlKey, shop.ToString())
        .SetSecret(ShopwareConnector.ClientIdKey, new SecretValue(ClientId))
        .SetSecret(ShopwareConnector.ClientSecretKey, new SecretValue(secret ?? ClientSecret));
}
