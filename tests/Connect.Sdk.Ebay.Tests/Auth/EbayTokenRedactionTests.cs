using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Connect.Sdk.Ebay.Tests.TestSupport;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Testing.Fakes.Ebay;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Ebay.Tests.Auth;

/// <summary>The access token is fetched at run time, no setting secret, yet it never reaches a message, a log line or a ToString.</summary>
public sealed class EbayTokenRedactionTests
{
    [Fact]
    public async Task CheckConnection_ProxyEchoesTheAuthorizationHeader_TokenNotInTheMessageNorTheLog()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var fake = EbayFake.Start(EbayTestKeys.Credentials, new Testing.Fakes.MarketplaceFakeOptions { Clock = new TimeProviderClock(time) });
        var echo = new EchoingProxy();
        var log = new ConcurrentQueue<string>();
        await using var services = EbayTestServices.Build(AdapterTestLog.CreateFactory(log), time, s => s.AddHttpClient(EbayConnector.HttpClientName).AddHttpMessageHandler(() => echo));
        var context = await EbayTestServices.ContextAsync(EbayTestKeys.Settings(fake.BaseAddress));

        var check = await services.Connector().CheckConnectionAsync(context, CancellationToken.None);

        Assert.False(check.Passed);
        Assert.NotNull(echo.SeenToken);
        Assert.DoesNotContain(echo.SeenToken, check.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log, line => line.Contains(echo.SeenToken, StringComparison.Ordinal));
    }

    [Fact]
    public void TokenAnswer_ToString_MasksTheAccessToken()
    {
        var answer = new EbayTokenJson("v^1.1#i^1#secret-access-token", 7200, "User Access Token");

        Assert.DoesNotContain("secret-access-token", answer.ToString(), StringComparison.Ordinal);
        Assert.Contains("7200", answer.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A proxy in front of the Sell APIs answering with an error page that echoes the request's Authorization header.</summary>
    private sealed class EchoingProxy : DelegatingHandler
    {
        public string? SeenToken { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath.StartsWith("/sell/", StringComparison.Ordinal) != true || request.Headers.Authorization is not { } authorization)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            SeenToken = authorization.Parameter;
            return new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent($"<html><body>Bad request. Request headers: Authorization: {authorization}</body></html>", Encoding.UTF8, "text/html"),
            };
        }
    }
}
