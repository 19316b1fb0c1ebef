using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes.Otto;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Otto.Tests.TestSupport;

/// <summary>The API client the tests use, its secrets registered with the run-wide credential scan.</summary>
internal static class OttoTestKeys
{
    public const string ClientId = "erp-connect-4711";

    public static readonly string ClientSecret = AdapterTestLog.Secret("otto-cs-9f3b1c7e2d8a4f60b5e1c9d7a3f2b8e4");

    public static readonly string WrongSecret = AdapterTestLog.Secret("otto-cs-0a1b2c3d4e5f60718293a4b5c6d7e8f9");

    public static OttoCredentials Credentials => new(ClientId, ClientSecret);

    /// <summary>A connection's settings against the fake, with a ship-from address in Hamburg.</summary>
    public static SettingsUpdate Settings(Uri api, string? secret = null) => SettingsUpdate.Empty
        .Set(OttoConnector.ApiUrlKey, api.ToString())
        .Set(OttoConnector.ClientIdKey, ClientId)
        .Set(OttoConnector.ShipFromCityKey, "Hamburg")
        .Set(OttoConnector.ShipFromZipCodeKey, "22222")
        .Set(OttoConnector.ShipFromCountryKey, "DEU")
        .SetSecret(OttoConnector.ClientSecretKey, new SecretValue(secret ?? ClientSecret));
}
