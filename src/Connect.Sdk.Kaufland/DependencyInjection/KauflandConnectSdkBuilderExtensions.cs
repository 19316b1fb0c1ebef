using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Http;
using Connect.Sdk.Kaufland;
using Connect.Sdk.Kaufland.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// Lives in the DI namespace, like AddConnectSdk and AddMarketplaceHttpClient, so it is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Kaufland connector with the SDK: <c>services.AddConnectSdk().AddKaufland()</c>.</summary>
public static class KauflandConnectSdkBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="KauflandConnector"/> (one instance for every Kaufland connection), its foreign-number rule
    /// (<c>apiunitid</c>) and its marketplace HTTP client <c>Connect.Sdk.Kaufland</c> (retries honouring
    /// <c>Retry-After</c>, pacing at Kaufland's 111 requests per second per seller, redaction, in-doubt detection; waits
    /// on the registered <see cref="TimeProvider"/>) with the handler that signs each attempt with the connection's keys
    /// and a timestamp from that <see cref="TimeProvider"/>. Calling it twice adds nothing twice.
    /// </summary>
    /// <param name="builder">The SDK's builder.</param>
    /// <param name="configureHttp">
    /// Adjusts the HTTP client's options (timeouts, retries); <see langword="null"/> for the defaults. Only the first
    /// call's adjustments count, as only it adds the client.
    /// </param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder AddKaufland(this ConnectSdkBuilder builder, Action<MarketplaceHttpClientOptions>? configureHttp = null) =>
        builder.AddHttpConnector(
            KauflandClient.ClientName,
            services => new KauflandConnector(
                services.GetRequiredService<IHttpClientFactory>(),
                services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                services.GetService<TimeProvider>() ?? TimeProvider.System),
            KauflandConnector.ForeignNumberRule,
            configureHttp,
            signing: services => new KauflandRequestSigner(services.GetService<TimeProvider>() ?? TimeProvider.System));
}
