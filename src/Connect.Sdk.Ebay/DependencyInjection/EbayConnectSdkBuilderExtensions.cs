using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Ebay;
using Connect.Sdk.Ebay.Auth;
using Connect.Sdk.Ebay.Http;
using Connect.Sdk.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

// Lives in the DI namespace, like AddConnectSdk and AddMarketplaceHttpClient, so it is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the eBay connector with the SDK: <c>services.AddConnectSdk().AddEbay()</c>.</summary>
public static class EbayConnectSdkBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="EbayConnector"/> (one instance for every eBay connection), its foreign-number rules
    /// (<c>eBayListing</c>, <c>SKU</c> or <c>Bestandseinheit</c>) and its marketplace HTTP client
    /// <see cref="EbayConnector.HttpClientName"/> (retries honouring <c>Retry-After</c>, redaction, in-doubt detection),
    /// which puts each connection's access token on every attempt. Waits run on the registered
    /// <see cref="TimeProvider"/>. Calling it twice adds nothing twice.
    /// </summary>
    /// <param name="builder">The SDK's builder.</param>
    /// <param name="configureHttp">
    /// Adjusts the HTTP client's options (timeouts, retries); <see langword="null"/> for the defaults. Only the first
    /// call's adjustments count, as only it adds the client.
    /// </param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder AddEbay(this ConnectSdkBuilder builder, Action<MarketplaceHttpClientOptions>? configureHttp = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(provider => new EbayTokenClient(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            Logger(provider)));
        services.TryAddSingleton(provider => new EbayTokenCache(provider.GetRequiredService<EbayTokenClient>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new EbayApiClient(provider.GetRequiredService<IHttpClientFactory>(), provider.GetRequiredService<EbayTokenCache>(), Logger(provider)));
        builder.AddHttpConnector(
            EbayConnector.HttpClientName,
            provider => new EbayConnector(
                provider.GetRequiredService<EbayApiClient>(),
                provider.GetRequiredService<EbayTokenCache>(),
                provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<IClock>()),
            configureHttp: configureHttp,
            // The access token travels as the endpoint's "authorization" secret, already with its "Bearer " scheme; an answer
            // echoing it has it masked before any other handler sees it.
            signing: _ => new EbayBearerHandler());

        // Two rules (eBayListing, SKU) where AddHttpConnector takes one.
        return builder.ConfigureForeignNumberRules(rules =>
            rules.Find(EbayConnector.Id) is null ? rules.With(EbayConnector.ForeignNumberRules) : rules);
    }

    private static ILogger Logger(IServiceProvider provider) =>
        (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<EbayConnector>();
}
