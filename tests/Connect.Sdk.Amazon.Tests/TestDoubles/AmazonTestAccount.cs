using Connect.Sdk.Amazon;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Amazon;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>The seller account the tests use: its credentials (every secret registered for the credential scan) and its settings.</summary>
internal static class AmazonTestAccount
{
    public const string ClientId = "amzn1.application-oa2-client.c0nnec7sdk7e575";
    public const string SellerId = "A2CONNECTSDKTEST";
    public const string Marketplace = AmazonSellingPartnerFake.DefaultMarketplaceId;

    public static readonly string ClientSecret = AdapterTestLog.Secret("amzn1.oa2-cs.v1.c0nnec7-5dk-c1ien7-5ecre7");
    public static readonly string RefreshToken = AdapterTestLog.Secret("Atzr|IwEBIConnectSdkTestsRefreshToken0001");
    public static readonly string WrongRefreshToken = AdapterTestLog.Secret("Atzr|IwEBIRevokedRefreshTokenOfNobody9999");
    public static readonly string WrongClientSecret = AdapterTestLog.Secret("amzn1.oa2-cs.v1.n07-7he-c1ien7-5ecre7");

    /// <summary>
    /// The start of every access token the fake issues ("Atza|IwEBIFakeAccessToken" and a counter): registered as a
    /// secret, it makes the credential scan find any of them.
    /// </summary>
    public static readonly string FakeAccessTokenPrefix = AdapterTestLog.Secret("Atza|IwEBIFakeAccessToken");

    public static AmazonCredentials Credentials { get; } = new(ClientId, ClientSecret, RefreshToken, SellerId);

    public static AmazonSellingPartnerFake StartFake(TimeProvider time, Testing.Faults.FaultPlan? faults = null) =>
        AmazonSellingPartnerFake.Start(Credentials, new MarketplaceFakeOptions { Clock = new TimeProviderClock(time), Faults = faults ?? new(), DelayTime = time });

    public static SettingsUpdate Settings(AmazonSellingPartnerFake fake, string? refreshToken = null, string? clientSecret = null) => SettingsUpdate.Empty
        .Set(AmazonConnector.ClientIdKey, ClientId)
        .Set(AmazonConnector.SellerIdKey, SellerId)
        .Set(AmazonConnector.RegionKey, AmazonRegion.Europe)
        .Set(AmazonConnector.MarketplaceIdsKey, Marketplace)
        .Set(AmazonConnector.SpApiEndpointKey, fake.BaseAddress.ToString())
        .Set(AmazonConnector.LwaTokenEndpointKey, fake.TokenAddress.ToString())
        .SetSecret(AmazonConnector.ClientSecretKey, new SecretValue(clientSecret ?? ClientSecret))
        .SetSecret(AmazonConnector.RefreshTokenKey, new SecretValue(refreshToken ?? RefreshToken));
}
