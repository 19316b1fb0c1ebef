using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes.Ebay;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Ebay.EbayTestData;

namespace Connect.Sdk.Testing.Tests.Fakes.Ebay;

public sealed class EbayFakeLimitTests
{
    private static readonly Uri Orders = new("sell/fulfillment/v1/order", UriKind.Relative);

    [Fact]
    public void CallLimits_Defaults_AreEbaysPublishedOAuthAndNotificationLimits_SellApisOff()
    {
        var limits = new EbayCallLimits();

        Assert.Equal(50_000, limits.TokenPerDay);
        Assert.Equal(10_000, limits.NotificationPerDay);
        Assert.Null(limits.InventoryPerDay);
        Assert.Null(limits.FulfillmentPerDay);
    }

    [Fact]
    public async Task DailyLimit_Reached_Answers429Error2001_UntilMidnightPacificTime()
    {
        // 2026-11-02 12:00 UTC is 04:00 in Los Angeles (PST, UTC-8): the day ends at 08:00 UTC on the 3rd.
        var clock = new FakeClock(Start);
        await using var ebay = StartEbay(clock, new EbayCallLimits { FulfillmentPerDay = 2 });
        using var http = await ClientAsync(ebay);

        using var first = await http.GetAsync(Orders);
        using var second = await http.GetAsync(Orders);
        using var over = await http.GetAsync(Orders);
        clock.Advance(Duration.FromHours(19) + Duration.FromMinutes(59));
        using var stillOver = await http.GetAsync(Orders);
        clock.Advance(Duration.FromMinutes(1));
        using var renewed = await ClientAsync(ebay);
        using var nextDay = await renewed.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal(2001, (int)(await JsonOf(over))["errors"]![0]!["errorId"]!);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillOver.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
    }

    [Fact]
    public async Task SignNotification_VerifiesWithTheKeyGetPublicKeyServes()
    {
        await using var ebay = StartEbay(new FakeClock(Start));
        using var http = await ClientAsync(ebay, EbayFake.ApplicationScope, clientCredentials: true);
        const string body = """{"metadata":{"topic":"MARKETPLACE_ACCOUNT_DELETION","schemaVersion":"1.0","deprecated":false},"notification":{"notificationId":"n-1"}}""";

        var header = JsonNode.Parse(Convert.FromBase64String(ebay.SignNotification(body)))!;
        using var keyResponse = await http.GetAsync(new Uri($"commerce/notification/v1/public_key/{(string)header["kid"]!}", UriKind.Relative));
        var key = await JsonOf(keyResponse);
        using var ecdsa = ECDsa.Create();
        var pem = ((string)key["key"]!).Replace("-----BEGIN PUBLIC KEY-----", "-----BEGIN PUBLIC KEY-----\n", StringComparison.Ordinal).Replace("-----END PUBLIC KEY-----", "\n-----END PUBLIC KEY-----", StringComparison.Ordinal);
        ecdsa.ImportFromPem(pem);
        var signature = Convert.FromBase64String((string)header["signature"]!);

        Assert.Equal("ecdsa", (string?)header["alg"]);
        Assert.Equal("SHA1", (string?)header["digest"]);
        Assert.Equal("ECDSA", (string?)key["algorithm"]);
        Assert.True(ecdsa.VerifyData(Encoding.UTF8.GetBytes(body), signature, HashAlgorithmName.SHA1, DSASignatureFormat.Rfc3279DerSequence));
        Assert.False(ecdsa.VerifyData(Encoding.UTF8.GetBytes(body + " "), signature, HashAlgorithmName.SHA1, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public async Task GetPublicKey_UnknownKeyId_Answers404()
    {
        await using var ebay = StartEbay(new FakeClock(Start));
        using var http = await ClientAsync(ebay, EbayFake.ApplicationScope, clientCredentials: true);

        using var response = await http.GetAsync(new Uri("commerce/notification/v1/public_key/unknown", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
