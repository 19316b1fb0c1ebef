using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.Ebay.Notifications;
using Connect.Sdk.Ebay.Tests.TestSupport;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes.Ebay;
using NodaTime.Testing;

namespace Connect.Sdk.Ebay.Tests.Notifications;

public sealed class EbayNotificationVerifierTests
{
    private static readonly JsonObject Sample = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "notification_account_deletion_signed.json")))!.AsObject();

    private static string Header => (string)Sample["signatureHeader"]!;

    private static byte[] Body => Encoding.UTF8.GetBytes((string)Sample["body"]!);

    private static EbayNotificationVerifier WithEbaysKey() => new((kid, _) =>
        ValueTask.FromResult(kid == (string)Sample["publicKeyId"]! ? (string?)Sample["publicKey"] : null));

    [Fact]
    public async Task Verify_EbaysSignedExample_IsValid()
    {
        Assert.True(await WithEbaysKey().VerifyAsync(Header, Body, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_EbaysExampleWithOneByteChanged_IsInvalid()
    {
        var body = Encoding.UTF8.GetBytes(((string)Sample["body"]!).Replace("test_user", "test_usex", StringComparison.Ordinal));

        Assert.False(await WithEbaysKey().VerifyAsync(Header, body, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_EbaysExampleIndented_IsValid_AsEbaysSdkVerifiesJsonStringifyOfTheMessage()
    {
        var indented = Encoding.UTF8.GetBytes(JsonNode.Parse((string)Sample["body"]!)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        Assert.True(await WithEbaysKey().VerifyAsync(Header, indented, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_EbaysExampleIndentedWithOneValueChanged_IsInvalid()
    {
        var message = JsonNode.Parse((string)Sample["body"]!)!;
        message["notification"]!["data"]!["username"] = "someone_else";
        var indented = Encoding.UTF8.GetBytes(message.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        Assert.False(await WithEbaysKey().VerifyAsync(Header, indented, CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("eyJhbGciOiJlY2RzYSJ9")]
    public async Task Verify_MissingOrMalformedHeader_IsInvalid(string? header)
    {
        Assert.False(await WithEbaysKey().VerifyAsync(header, Body, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_KeyIdEbayDoesNotKnow_IsInvalid()
    {
        var verifier = new EbayNotificationVerifier((_, _) => ValueTask.FromResult<string?>(null));

        Assert.False(await verifier.VerifyAsync(Header, Body, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_KeyFromTheNotificationApi_WithAnApplicationToken_VerifiesWhatTheFakeSigned()
    {
        await using var fake = EbayFake.Start(EbayTestKeys.Credentials, new Testing.Fakes.MarketplaceFakeOptions { Clock = new FakeClock(NodaTime.Instant.FromUtc(2026, 11, 23, 8, 0)) });
        using var http = new HttpClient();
        var keys = new EbayNotificationPublicKeys(http, EbayTestKeys.ClientId, new SecretValue(EbayTestKeys.ClientSecret), fake.BaseAddress);
        var verifier = new EbayNotificationVerifier(keys.KeyOfAsync);
        const string body = """{"metadata":{"topic":"MARKETPLACE_ACCOUNT_DELETION","schemaVersion":"1.0","deprecated":false},"notification":{"notificationId":"n-1","data":{"username":"erika","userId":"u1"}}}""";

        var valid = await verifier.VerifyAsync(fake.SignNotification(body), Encoding.UTF8.GetBytes(body), CancellationToken.None);
        var again = await verifier.VerifyAsync(fake.SignNotification(body), Encoding.UTF8.GetBytes(body), CancellationToken.None);

        Assert.True(valid);
        Assert.True(again);
        Assert.Single(fake.Requests, r => r.Operation == EbayOperations.GetPublicKey);
        Assert.Single(fake.Requests, r => r.Operation == EbayOperations.Token);
    }
}
