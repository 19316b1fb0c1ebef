using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the DI namespace, like AddConnectSdk and AddMarketplaceHttpClient, so it is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a connector that talks HTTP: <c>services.AddConnectSdk().AddHttpConnector(...)</c>.</summary>
public static class HttpConnectorConnectSdkBuilderExtensions
{
    /// <summary>
    /// Adds a connector (one instance for every connection of it), its marketplace HTTP client named
    /// <paramref name="clientName"/> (resilience honouring <c>Retry-After</c>, pacing, redaction; waits on the registered
    /// <see cref="TimeProvider"/>), an optional signing handler inside the retries, so that each attempt is signed
    /// anew, and the connector's foreign-number rule. Calling it twice for one connector type adds nothing twice.
    /// </summary>
    /// <typeparam name="TConnector">The connector.</typeparam>
    /// <param name="builder">The SDK's builder.</param>
    /// <param name="clientName">The client's name, for <c>IHttpClientFactory.CreateClient</c>.</param>
    /// <param name="create">Creates the connector from the services, e.g. with <c>IHttpClientFactory</c> and <c>ILoggerFactory</c>.</param>
    /// <param name="rule">The connector's foreign-number rule, kept when the rules already have one for it; or <see langword="null"/>.</param>
    /// <param name="configureHttp">Adjusts the client's options (base address, account, rate limit, timeouts); or <see langword="null"/>.</param>
    /// <param name="signing">
    /// Creates the handler that authenticates or signs each attempt from the services (a time-stamped signature takes
    /// the <see cref="TimeProvider"/>); it reads the connection's secrets from <see cref="MarketplaceRequest.Secrets"/>.
    /// <see langword="null"/> for none; <see cref="SecretHeaderHandler"/> for a token sent as it is.
    /// </param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder AddHttpConnector<TConnector>(
        this ConnectSdkBuilder builder,
        string clientName,
        Func<IServiceProvider, TConnector> create,
        ForeignNumberRule? rule = null,
        Action<MarketplaceHttpClientOptions>? configureHttp = null,
        Func<IServiceProvider, DelegatingHandler>? signing = null)
        where TConnector : class, IConnector
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientName);
        ArgumentNullException.ThrowIfNull(create);
        if (builder.Services.Any(s => s.ServiceType == typeof(Registration<TConnector>)))
        {
            return builder;
        }

        builder.Services.AddSingleton<Registration<TConnector>>();
        var client = builder.Services.AddMarketplaceHttpClient(clientName, options => configureHttp?.Invoke(options));
        if (signing is not null)
        {
            client.AddHttpMessageHandler(signing);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnector, TConnector>(create));
        return rule is null
            ? builder
            : builder.ConfigureForeignNumberRules(rules => rules.Find(rule.Connector) is null ? rules.With(rule) : rules);
    }

    /// <summary>Marks the services as holding a connector's registration, so a second call adds no second client.</summary>
    /// <typeparam name="TConnector">The connector.</typeparam>
    private sealed class Registration<TConnector>;
}
