using System.Net;
using System.Text;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Shopify.Tests.Faults;

/// <summary>What a run says about an answer that is not GraphQL: one line of a page's text, no markup, no parser positions.</summary>
public sealed class ShopifyAnswerTextTests : ShopifyFaultFixture
{
    // A proxy's error page, as a host in front of a shop answers when it refuses a request.
    private const string ProxyPage = """
        <!DOCTYPE html>
        <html><head><title>403 Forbidden</title><style>body { font-family: sans-serif; }</style></head>
        <body><h1>Access denied</h1>
        <p>Your request was blocked by the proxy.</p></body></html>
        """;

    private string? _nextPage;

    [Fact]
    public async Task SendAsync_HtmlPageInsteadOfAnAnswer_MessageWithoutTheParsersPosition()
    {
        await MapArticlesAsync(10);
        SeedOrders(1);
        Faults.Next(FaultKind.MalformedJson, operation: "graphql.orders");

        var failed = Assert.Single(await Host.RunDueAsync(), r => r.Outcome == WorkRunOutcome.Failed);

        Assert.Contains("answered with a body that is not a complete GraphQL answer ('<' is an invalid start of a value.)", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ErrorStatusWithAnHtmlPage_MessageQuotesOneLineOfItsText()
    {
        await MapArticlesAsync(10);
        SeedOrders(1);
        _nextPage = ProxyPage;

        var failed = Assert.Single(await Host.RunDueAsync(), r => r.Outcome == WorkRunOutcome.Failed);

        Assert.Contains("answered with HTTP 403 \"Access denied Your request was blocked by the proxy.\"", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<", failed.Message, StringComparison.Ordinal);
    }

    protected override void ConfigureClient(IHttpClientBuilder client) =>
        client.AddHttpMessageHandler(() => new ErrorPageOnce(() => Interlocked.Exchange(ref _nextPage, null)));

    // Answers the next request with the page and 403 when a test set one, as the proxy would; the rest reach the shop.
    private sealed class ErrorPageOnce(Func<string?> takePage) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            takePage() is { } page
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(page, Encoding.UTF8, "text/html") })
                : base.SendAsync(request, cancellationToken);
    }
}
