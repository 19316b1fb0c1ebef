using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.WooCommerce.Tests.TestSupport;

/// <summary>The API keys the tests use, each registered with the run-wide credential scan.</summary>
internal static class WooTestKeys
{
    public static readonly string ConsumerKey = AdapterTestLog.Secret("ck_7d2e9a41c0b85f36e1d4a9c27b60f83e5d1a4c92");

    public static readonly string ConsumerSecret = AdapterTestLog.Secret("cs_3b8f1c6e0a9d24f75e2b8c1a6d093f4e7b2c5a18");

    public static readonly string WrongSecret = AdapterTestLog.Secret("cs_0f9e8d7c6b5a43f21e0d9c8b7a6f5e4d3c2b1a09");

    public static readonly string WebhookSecret = AdapterTestLog.Secret("whsec-woo-4c1d8e2f9a7b3c6d");

    public static WooCommerceCredentials Credentials => new(ConsumerKey, ConsumerSecret);

    public static SettingsUpdate Settings(Uri store, string? secret = null) => SettingsUpdate.Empty
        .Set(WooCommerceConnector.StoreUrlKey, store.ToString())
        .SetSecret(WooCommerceConnector.ConsumerKeyKey, new SecretValue(ConsumerKey))
        .SetSecret(WooCommerceConnector.ConsumerSecretKey, new SecretValue(secret ?? ConsumerSecret));
}
