namespace Basar.Connector.DependencyInjection;

/// <summary>Registers the Basar connector with the SDK: <c>services.AddConnectSdk().AddBasar()</c>.</summary>
public static class BasarConnectSdkBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="BasarConnector"/> (one instance for every Basar connection), its marketplace HTTP client
    /// (retries honouring <c>Retry-After</c>, pacing on each token's budget, redaction; waits on the registered
    /// <see cref="TimeProvider"/>) with the bearer token on every attempt, and its foreign-number rule,
    /// <c>basarofferid</c>. Calling it twice adds nothing twice.
    /// </summary>
    /// <param name="builder">The SDK's builder.</param>
    /// <param name="configureHttp">Adjusts the HTTP client's options (timeouts, retries); <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    #region snippet: connector-registration
    public static ConnectSdkBuilder AddBasar(this ConnectSdkBuilder builder, Action<MarketplaceHttpClientOptions>? configureHttp = null) =>
        builder.AddHttpConnector(
            BasarClients.ClientName,
            services => new BasarConnector(services.GetRequiredService<IHttpClientFactory>()),
            BasarConnector.ForeignNumberRule,
            configureHttp,
            signing: _ => SecretHeaderHandler.Bearer(BasarConnector.ApiTokenKey));
    #endregion
}
