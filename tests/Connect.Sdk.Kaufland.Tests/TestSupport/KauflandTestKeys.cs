using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes.Kaufland;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Kaufland.Tests.TestSupport;

/// <summary>The seller keys the tests use, recorded for the run-wide credential scan, and a connection's settings with them.</summary>
internal static class KauflandTestKeys
{
    public static string ClientKey { get; } = AdapterTestLog.Secret("kfl0client0key0test00000000000aa");

    public static string SecretKey { get; } = AdapterTestLog.Secret("kfl0secret0key0test000000000000000000000000000000000000000000bb");

    public static string WrongSecretKey { get; } = AdapterTestLog.Secret("kfl0wrong0secret0test00000000000000000000000000000000000000000cc");

    public static KauflandKeys Keys { get; } = new(ClientKey, SecretKey);

    public const string UserAgent = "Connect.Sdk tests";

    public static SettingsUpdate Settings(Uri apiAddress, string? secretKey = null, string storefront = "de") =>
        SettingsUpdate.Empty
            .Set(KauflandConnector.ApiUrlKey, apiAddress.ToString())
            .Set(KauflandConnector.StorefrontKey, storefront)
            .Set(KauflandConnector.UserAgentKey, UserAgent)
            .SetSecret(KauflandConnector.ClientKeyKey, new SecretValue(ClientKey))
            .SetSecret(KauflandConnector.SecretKeyKey, new SecretValue(secretKey ?? SecretKey));
}
