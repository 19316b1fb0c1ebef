using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Http;
using Connect.Sdk.Otto;
using Connect.Sdk.Otto.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

// Lives in the DI namespace, like AddConnectSdk and AddMarketplaceHttpClient, so it is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OTTO Market connector with the SDK: <c>services.AddConnectSdk().AddOtto()</c>.</summary>
public static class OttoConnectSdkBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="OttoConnector"/> (one instance for every OTTO connection), its foreign-number rule
    /// (<c>ottosku</c>) and its marketplace HTTP client <c>Connect.Sdk.Otto</c> (retries honouring <c>Retry-After</c>,
    /// pacing per endpoint when a connection sets a rate, redaction, in-doubt detection; waits on the registered
    /// <see cref="TimeProvider"/>) with the handler that puts an OAuth2 access token on each request. Calling it twice adds
    /// nothing twice.
    /// </summary>
    /// <param name="builder">The SDK's builder.</param>
    /// <param name="configureHttp">Adjusts the HTTP client's options (timeouts, retries); <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder AddOtto(this ConnectSdkBuilder builder, Action<MarketplaceHttpClientOptions>? configureHttp = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // One token cache for every handler instance the client factory builds: a token outlives a handler's lifetime.
        builder.Services.TryAddSingleton(provider => new OttoAccessTokens(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder.AddHttpConnector(
            OttoClient.ClientName,
            services => new OttoConnector(
                services.GetRequiredService<IHttpClientFactory>(),
                services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                services.GetRequiredService<IClock>()),
            OttoConnector.ForeignNumberRule,
            configureHttp,
            signing: services => new OttoAuthenticationHandler(services.GetRequiredService<OttoAccessTokens>(), services.GetService<TimeProvider>() ?? TimeProvider.System));
    }
}
