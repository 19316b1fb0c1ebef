using Connect.Sdk.Amazon;
using Connect.Sdk.Amazon.Auth;
using Connect.Sdk.Amazon.Http;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Amazon connector with the SDK: <c>services.AddConnectSdk().AddAmazon()</c>.</summary>
public static class AmazonConnectSdkBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="AmazonConnector"/> (one instance for every Amazon connection), its foreign-number rules
    /// (<c>SKU_FBA</c>, <c>SKU_FBM</c>) and its marketplace HTTP client <see cref="AmazonConnector.HttpClientName"/>, with
    /// the LWA access token handler inside pacing. Waits run on the registered <see cref="TimeProvider"/>. Calling it
    /// twice adds nothing twice.
    /// </summary>
    /// <param name="builder">The SDK's builder.</param>
    /// <param name="configureHttp">
    /// Adjusts the HTTP client's options (timeouts, retries); <see langword="null"/> for the defaults. Only the first
    /// call's adjustments count, as only it adds the client.
    /// </param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder AddAmazon(this ConnectSdkBuilder builder, Action<MarketplaceHttpClientOptions>? configureHttp = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The defaults suit Amazon: a wait for an operation's budget pauses the total timeout, and each seller's
        // operation has its own circuit breaker. Amazon's x-amzn-RateLimit-Limit re-bases pacing only when it changes.
        // The LWA token is the "signing" of each attempt: the handler sits inside the retries, as AddHttpConnector puts it.
        var services = builder.Services;
        services.TryAddSingleton(provider => new LwaTokenClient(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<AmazonConnector>()));
        services.TryAddSingleton(provider => new AccessTokenCache(provider.GetRequiredService<LwaTokenClient>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new AmazonApiClient(provider.GetRequiredService<IHttpClientFactory>(), provider.GetRequiredService<AccessTokenCache>()));
        builder.AddHttpConnector(
            AmazonConnector.HttpClientName,
            provider => new AmazonConnector(
                provider.GetRequiredService<AmazonApiClient>(),
                provider.GetRequiredService<AccessTokenCache>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>()),
            configureHttp: configureHttp,
            signing: provider => new AmazonAccessTokenHandler(provider.GetRequiredService<AccessTokenCache>()));

        // Two rules (SKU_FBA, SKU_FBM) where AddHttpConnector takes one.
        return builder.ConfigureForeignNumberRules(rules =>
            rules.Find(AmazonConnector.Id) is null ? rules.With(AmazonConnector.ForeignNumberRules) : rules);
    }
}
