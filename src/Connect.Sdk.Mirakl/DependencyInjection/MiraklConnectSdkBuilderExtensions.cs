using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Stock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// Lives in the DI namespace, like AddConnectSdk and AddMarketplaceHttpClient, so it is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Mirakl connector with the SDK: <c>services.AddConnectSdk().AddMirakl()</c>.</summary>
public static class MiraklConnectSdkBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="MiraklConnector"/> (one instance for every Mirakl connection), its foreign-number rule
    /// (<c>miraklshopsku</c>) and its marketplace HTTP client <c>Connect.Sdk.Mirakl</c> (retries honouring
    /// <c>Retry-After</c>, redaction, in-doubt detection) with the handler that puts each connection's shop API key on its
    /// requests. Automatic order acceptance asks the host's foreign numbers and stock source (<c>UseStockSource</c>);
    /// the polling of file imports waits on the registered <see cref="TimeProvider"/>. Calling it twice adds nothing twice.
    /// </summary>
    /// <param name="builder">The SDK's builder.</param>
    /// <param name="configureHttp">Adjusts the HTTP client's options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder AddMirakl(this ConnectSdkBuilder builder, Action<MarketplaceHttpClientOptions>? configureHttp = null) =>
        builder.AddHttpConnector(
            MiraklClient.ClientName,
            services => new MiraklConnector(
                services.GetRequiredService<IHttpClientFactory>(),
                services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                services.GetService<TimeProvider>() ?? TimeProvider.System,
                () => Optional<ForeignNumberResolver>(services),
                () => Optional<IStockSource>(services)),
            MiraklConnector.ForeignNumberRule,
            configureHttp,
            signing: _ => new MiraklRequestHandler());

    // A host without a catalog or stock source cannot judge what it can fulfil: automatic acceptance then waits for the user.
    private static T? Optional<T>(IServiceProvider services)
        where T : class
    {
        try
        {
            return services.GetService<T>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
