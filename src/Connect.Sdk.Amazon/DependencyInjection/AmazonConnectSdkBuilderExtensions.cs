using Connect.Sdk.Amazon;
using Connect.Sdk.Amazon.Auth;
using Connect.Sdk.Amazon.Http;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
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
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder AddAmazon(this ConnectSdkBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(AccessTokenCache)))
        {
            services.AddMarketplaceHttpClient(AmazonConnector.HttpClientName, options =>
                {
                    // Pacing waits count against the total timeout: once getOrders' burst is spent, a page waits a minute,
                    // and two connections of one seller may queue behind each other.
                    options.Resilience.TotalTimeout = TimeSpan.FromMinutes(5);

                    // One client serves every seller and operation, so its circuit must open only when Amazon as a whole
                    // fails, not when one seller's stock writes meet a run of 503s (their retries alone make five failures).
                    options.Resilience.CircuitMinimumThroughput = 50;
                    options.Resilience.CircuitFailureRatio = 0.9;
                    options.Resilience.CircuitBreakDuration = TimeSpan.FromSeconds(15);
                })
                .AddHttpMessageHandler(provider => new AmazonAccessTokenHandler(provider.GetRequiredService<AccessTokenCache>()))
                .AddHttpMessageHandler(() => new RepeatedRateLimitFilter());
            services.TryAddSingleton(provider => new LwaTokenClient(
                provider.GetRequiredService<IHttpClientFactory>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<AmazonConnector>()));
            services.TryAddSingleton(provider => new AccessTokenCache(provider.GetRequiredService<LwaTokenClient>(), provider.GetRequiredService<TimeProvider>()));
            services.TryAddSingleton(provider => new AmazonApiClient(provider.GetRequiredService<IHttpClientFactory>(), provider.GetRequiredService<AccessTokenCache>()));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnector, AmazonConnector>(provider => new AmazonConnector(
            provider.GetRequiredService<AmazonApiClient>(),
            provider.GetRequiredService<AccessTokenCache>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>())));
        return builder.ConfigureForeignNumberRules(rules =>
            rules.Find(AmazonConnector.Id) is null ? rules.With(AmazonConnector.ForeignNumberRules) : rules);
    }
}
