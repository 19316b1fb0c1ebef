using System.Net;
using Connect.Sdk.Http.Tests.TestDoubles;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Http.Tests;

public sealed class RedactionTests : IDisposable
{
    private readonly ClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("https://shop.test/admin/orders.json?access_token=shpat_abc123&limit=50", "https://shop.test/admin/orders.json?access_token=***&limit=50")]
    [InlineData("https://shop.test/wp-json/wc/v3/orders?consumer_key=ck_1234567&consumer_secret=cs_7654321&page=2", "https://shop.test/wp-json/wc/v3/orders?consumer_key=***&consumer_secret=***&page=2")]
    [InlineData("https://s3.test/feed?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA/x&X-Amz-Security-Token=tok&X-Amz-Signature=abcdef", "https://s3.test/feed?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=***&X-Amz-Security-Token=***&X-Amz-Signature=***")]
    [InlineData("https://shop.test/auth/callback?code=1&hmac=deadbeef&shop=x", "https://shop.test/auth/callback?code=1&hmac=***&shop=x")]
    [InlineData("https://user:password@shop.test/orders", "https://shop.test/orders")]
    [InlineData("https://shop.test/orders?page_info=abc&limit=250", "https://shop.test/orders?page_info=abc&limit=250")]
    public void RedactUri_SecretParameters_AreReplacedAndOthersKept(string uri, string expected) =>
        Assert.Equal(expected, HttpRedaction.RedactUri(new Uri(uri), SecretRedactor.None));

    [Fact]
    public async Task WithoutEchoedSecretAsync_BodyEchoesTheToken_TokenReplacedAndMediaTypeKept()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<p>upstream saw: Authorization: Bearer tok-123.abc</p>", System.Text.Encoding.UTF8, "text/html"),
        };

        var cleaned = await HttpRedaction.WithoutEchoedSecretAsync(response, "tok-123.abc", CancellationToken.None);

        Assert.Same(response, cleaned);
        Assert.Equal("<p>upstream saw: Authorization: Bearer ***</p>", await cleaned.Content.ReadAsStringAsync());
        Assert.Equal("text/html", cleaned.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WithoutEchoedSecretAsync_BodyWithoutTheToken_ContentUntouched()
    {
        using var content = new StringContent("{\"errors\":[]}");
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = content };

        var cleaned = await HttpRedaction.WithoutEchoedSecretAsync(response, "tok-123.abc", CancellationToken.None);

        Assert.Same(content, cleaned.Content);
    }

    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("X-Shopify-Access-Token", true)]
    [InlineData("x-amz-access-token", true)]
    [InlineData("Shop-Signature", true)]
    [InlineData("Shop-Client-Key", true)]
    [InlineData("Content-Type", false)]
    [InlineData("Idempotency-Key", false)]
    public void IsSecretName_CredentialHeaders_AreSecret(string name, bool secret) =>
        Assert.Equal(secret, HttpRedaction.IsSecretName(name));

    [Fact]
    public void RedactUri_KnownSecretInThePath_IsRemovedByTheConnectionsRedactor()
    {
        var redactor = new SecretRedactor([new SecretValue("mirakl-shop-key-42")]);

        Assert.Equal("https://m.test/api/mirakl-shop-key-42".Replace("mirakl-shop-key-42", "***", StringComparison.Ordinal),
            HttpRedaction.RedactUri(new Uri("https://m.test/api/mirakl-shop-key-42"), redactor));
    }

    [Fact]
    public async Task Send_LogLines_CarryNoTokenNoHeaderValue()
    {
        _harness.Add("shop");
        var request = new HttpRequestMessage(HttpMethod.Get, "orders.json?access_token=shpat_abc123");
        request.Headers.Add("X-Shopify-Access-Token", "shpat_abc123");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJsecret");

        await _harness.Time.RunAsync(_harness.SendAsync("shop", request));

        var logs = _harness.Logs.Collector.GetSnapshot();
        Assert.Contains(logs, l => l.Message.Contains("access_token=***", StringComparison.Ordinal));
        Assert.All(logs, l =>
        {
            Assert.DoesNotContain("shpat_abc123", l.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJsecret", l.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Send_FailureEchoingTheUriAndAKnownSecret_IsRethrownRedacted()
    {
        var stub = _harness.Add("shop", o => o.Redactor = new SecretRedactor([new SecretValue("cs_7654321abc")]));
        stub.Then((request, _) => throw new HttpRequestException(
            $"Connection reset while sending {request.RequestUri}; server said: bad key cs_7654321abc", null, HttpStatusCode.BadGateway));
        var send = _harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Post, "orders?consumer_secret=cs_7654321abc"));
        await _harness.Time.RunAsync((Task)send);

        // A reset after the POST went out leaves it in doubt, and says so.
        var exception = await Assert.ThrowsAsync<WriteInDoubtException>(() => send);

        Assert.DoesNotContain("cs_7654321abc", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("consumer_secret=***", exception.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.All(_harness.Logs.Collector.GetSnapshot(), l => Assert.DoesNotContain("cs_7654321abc", l.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_AnyFailureBelowQuotingASecret_ReachesNeitherTheCallerNorPollysLogs()
    {
        // Not only transport errors: an adapter's auth handler may throw anything, with a token in its message. (A POST,
        // so no retry answers in its place.)
        var stub = _harness.Add("shop", o => o.Redactor = new SecretRedactor([new SecretValue("rt_0a1b2c3d4e")]));
        stub.Then((_, _) => throw new InvalidOperationException("token refresh failed for refresh_token=rt_0a1b2c3d4e"));
        var send = _harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Post, "orders"));
        await _harness.Time.RunAsync((Task)send);

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => send);

        Assert.DoesNotContain("rt_0a1b2c3d4e", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("token refresh failed", exception.Message, StringComparison.Ordinal);
        Assert.All(_harness.Logs.Collector.GetSnapshot(), l =>
        {
            Assert.DoesNotContain("rt_0a1b2c3d4e", l.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("rt_0a1b2c3d4e", l.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Send_FailureBelow_MessageNamesNoDotNetTypeButTheLogDoes()
    {
        // The message reaches the journal's connection tab, where a user reads it; the type is for the support engineer.
        var stub = _harness.Add("shop");
        stub.Then((_, _) => throw new InvalidOperationException("the signing key is not configured"));
        var send = _harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Post, "orders"));
        await _harness.Time.RunAsync((Task)send);

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => send);

        Assert.EndsWith("failed: the signing key is not configured", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", exception.Message, StringComparison.Ordinal);
        Assert.Contains(_harness.Logs.Collector.GetSnapshot(), l => l.Message.Contains($"{nameof(InvalidOperationException)}: ", StringComparison.Ordinal));
    }
}
