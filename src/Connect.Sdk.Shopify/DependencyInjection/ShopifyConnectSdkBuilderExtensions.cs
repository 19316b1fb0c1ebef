using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Http;
using Connect.Sdk.Shopify;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Shopify connector with the SDK: <c>services.AddConnectSdk().AddShopify()</c>.</summary>
public static class ShopifyConnectSdkBuilderExtensions
{
    // The header Shopify reads the Admin API access token from.
    private const string AccessTokenHeader = "X-Shopify-Access-Token";

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

        // The shop and its budget differ per connection, so they travel with each request (the session's endpoint), not
        // with the client; the token goes on each attempt from the endpoint's secrets.
        builder.AddHttpConnector(
            ShopifyConnector.HttpClientName,
            services => new ShopifyConnector(
                services.GetRequiredService<IHttpClientFactory>(),
                services.GetRequiredService<AccountBudgets>(),
                services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                services.GetService<IClock>() ?? SystemClock.Instance),
            rule: null,
            configureHttp,
            signing: _ => new SecretHeaderHandler(ShopifyConnector.AccessTokenKey, AccessTokenHeader));

        // Two rules, a product id for simple articles and a variant id for variants: added together, unless the SDK's
        // rules have Shopify's already.
        return builder.ConfigureForeignNumberRules(rules =>
            rules.Find(ShopifyConnector.Id) is null ? rules.With(ShopifyConnector.ForeignNumberRules) : rules);
    }
}
