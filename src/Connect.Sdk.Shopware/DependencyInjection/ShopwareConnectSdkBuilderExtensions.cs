using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Http;
using Connect.Sdk.Shopware;
using Connect.Sdk.Shopware.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

// Lives in the DI namespace, like AddConnectSdk and AddMarketplaceHttpClient, so it is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Shopware connector with the SDK: <c>services.AddConnectSdk().AddShopware()</c>.</summary>
public static class ShopwareConnectSdkBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="ShopwareConnector"/> (one instance for every Shopware connection) and its marketplace HTTP client
    /// <c>Connect.Sdk.Shopware</c> (retries honouring <c>Retry-After</c>, redaction, in-doubt detection; waits on the
    /// registered <see cref="TimeProvider"/>) with the handler that puts a bearer token of the connection's access key on
    /// its requests. No foreign-number rule is added: Shopware's is the identity rule the SDK's default rules already hold
    /// (the ERP article number is the product number). Calling it twice adds nothing twice.
    /// </summary>
    /// <param name="builder">The SDK's builder.</param>
    /// <param name="configureHttp">Adjusts the HTTP client's options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder AddShopware(this ConnectSdkBuilder builder, Action<MarketplaceHttpClientOptions>? configureHttp = null) =>
        builder.AddHttpConnector(
            ShopwareClient.ClientName,
            services => new ShopwareConnector(
                services.GetRequiredService<IHttpClientFactory>(),
                services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                services.GetRequiredService<IClock>()),
            rule: null,
            configureHttp,
            signing: services => new ShopwareTokenHandler(services.GetService<TimeProvider>() ?? TimeProvider.System));
}
