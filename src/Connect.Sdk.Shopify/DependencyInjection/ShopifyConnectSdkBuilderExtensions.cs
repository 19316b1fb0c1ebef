using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Http;
using Connect.Sdk.Shopify;
using Connect.Sdk.Shopify.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Shopify connector with the SDK: <c>services.AddConnectSdk().AddShopify()</c>.</summary>
public static class ShopifyConnectSdkBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="ShopifyConnector"/> (one instance for every Shopify connection), its marketplace HTTP client
    /// <see cref="ShopifyConnector.HttpClientName"/> (resilience, pacing per shop on the cost bucket, redaction, and the
    /// access token set inside pacing) and its foreign-number rules. Calling it twice adds nothing twice.
    /// </summary>
    /// <param name="builder">The SDK's builder.</param>
    /// <param name="configureHttp">Adjusts the HTTP client's options (timeouts, retries); <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder AddShopify(this ConnectSdkBuilder builder, Action<MarketplaceHttpClientOptions>? configureHttp = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(ShopifyRegistration)))
        {
            return builder;
        }

        builder.Services.AddSingleton<ShopifyRegistration>();

        // The shop and its budget differ per connection, so they travel with each request, not with the client.
        builder.Services
            .AddMarketplaceHttpClient(ShopifyConnector.HttpClientName, options => configureHttp?.Invoke(options))
            .AddHttpMessageHandler(() => new ShopifyAccessTokenHandler());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnector, ShopifyConnector>(services => new ShopifyConnector(
            services.GetRequiredService<IHttpClientFactory>(),
            services.GetRequiredService<AccountBudgets>(),
            services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            services.GetService<IClock>() ?? SystemClock.Instance)));
        return builder.ConfigureForeignNumberRules(rules =>
            rules.Find(ShopifyConnector.Id) is null ? rules.With(ShopifyConnector.ForeignNumberRules) : rules);
    }

    // Marks the services as holding the connector, so a second call does not add its HTTP handlers twice.
    private sealed class ShopifyRegistration;
}
