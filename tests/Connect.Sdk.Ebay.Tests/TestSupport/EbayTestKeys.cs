using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes.Ebay;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Ebay.Tests.TestSupport;

/// <summary>The application keys and refresh token the tests use, each registered with the run-wide credential scan.</summary>
internal static class EbayTestKeys
{
    public static readonly string ClientId = "ConnectS-ErpSync-PRD-4c1d8e2f9-7a3b6c5d";

    public static readonly string ClientSecret = AdapterTestLog.Secret("PRD-c1d8e2f97a3b-6c5d-4e1f-8a2b-9c0d");

    public static readonly string RefreshToken = AdapterTestLog.Secret("v^1.1#i^1#r^1#p^3#I^3#f^0#t^Ul4xMF80OkI3RkNEMjE3OUI=");

    public static readonly string WrongSecret = AdapterTestLog.Secret("PRD-0000wrong0000-0000-0000-0000-0000");

    public static EbayCredentials Credentials => new(ClientId, ClientSecret, RefreshToken);

    public static SettingsUpdate Settings(Uri apiHost, string? secret = null) => SettingsUpdate.Empty
        .Set(EbayConnector.ClientIdKey, ClientId)
        .Set(EbayConnector.ApiEndpointKey, apiHost.ToString())
        .SetSecret(EbayConnector.ClientSecretKey, new SecretValue(secret ?? ClientSecret))
        .SetSecret(EbayConnector.RefreshTokenKey, new SecretValue(RefreshToken));
}
