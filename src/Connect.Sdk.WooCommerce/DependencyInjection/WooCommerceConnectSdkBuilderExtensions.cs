using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Http;
using Connect.Sdk.WooCommerce;
using Connect.Sdk.WooCommerce.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

// Lives in the DI namespace, like AddConnectSdk and AddMarketplaceHttpClient, so it is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the WooCommerce connector with the SDK: <c>services.AddConnectSdk().AddWooCommerce()</c>.</summary>
public static class WooCommerceConnectSdkBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="WooCommerceConnector"/> (one instance for every WooCommerce connection), its foreign-number
    /// rule (<c>SKU</c>) and its marketplace HTTP client <c>Connect.Sdk.WooCommerce</c> (retries honouring
    /// <c>Retry-After</c>, redaction, in-doubt detection; waits on the registered <see cref="TimeProvider"/>) with the
    /// handler that puts each connection's key and secret on its requests. The connector keeps a shop's currency for a
    /// while on the SDK's <see cref="IClock"/>. Calling it twice adds nothing twice.
    /// </summary>
    /// <param name="builder">The SDK's builder.</param>
    /// <param name="configureHttp">
    /// Adjusts the HTTP client's options (timeouts, retries); <see langword="null"/> for the defaults. Only the first
    /// call's adjustments count, as only it adds the client.
    /// </param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder AddWooCommerce(this ConnectSdkBuilder builder, Action<MarketplaceHttpClientOptions>? configureHttp = null) =>
        // No account and no limit on the client: WooCommerce documents none. A connection that sets requestsPerSecond
        // puts its own budget on each request.
        builder.AddHttpConnector(
            WooCommerceClient.ClientName,
            services => new WooCommerceConnector(
                services.GetRequiredService<IHttpClientFactory>(),
                services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                services.GetRequiredService<IClock>()),
            WooCommerceConnector.ForeignNumberRule,
            configureHttp,
            signing: _ => new WooCommerceAuthenticationHandler());
}
