using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes.Mirakl;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Mirakl.Tests.TestSupport;

/// <summary>The shop API keys and settings the tests use, recorded for the credential scan.</summary>
internal static class MiraklTestKeys
{
    public const long ShopId = 2001;

    public static readonly string ApiKey = AdapterTestLog.Secret("5b1e7c2a-93d4-4f60-8a1e-c2b7d9f03e64");

    public static readonly string WrongKey = AdapterTestLog.Secret("0a9f8e7d-6c5b-4a39-8271-6f5e4d3c2b1a");

    public static MiraklCredentials Credentials => new(ApiKey, ShopId);

    public static SettingsUpdate Settings(Uri instance, string? key = null, string acceptance = "manual") => SettingsUpdate.Empty
        .Set(MiraklConnector.InstanceUrlKey, instance.ToString())
        .Set(MiraklConnector.ShopIdKey, ShopId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Set(MiraklConnector.AcceptanceKey, acceptance)
        .SetSecret(MiraklConnector.ApiKeyKey, new SecretValue(key ?? ApiKey));
}
