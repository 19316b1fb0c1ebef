using System.Diagnostics.Metrics;
using Connect.Sdk.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers marketplace HTTP clients with IHttpClientFactory.</summary>
public static class MarketplaceHttpClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a named client, usually one per connection (name it after the connection id). Its handlers, outermost
    /// first: redacted logging and tracing, the total timeout (extended by <c>Retry-After</c>), the resilience pipeline of
    /// <see cref="MarketplaceResilience"/>, pacing on the account's budget from <see cref="AccountBudgets"/> (the client's,
    /// or the request's <see cref="MarketplaceRequest.RateBudget"/>), the attempt timeout, which so never counts a
    /// wait for budget, and a handler that reads each body inside the attempt, so that an answer cut off on its way is
    /// retried like a dropped connection. A write that went out without a whole answer fails with
    /// <see cref="WriteInDoubtException"/>.
    /// Resolve it with <c>IHttpClientFactory.CreateClient(name)</c>. Waits run on the registered
    /// <see cref="TimeProvider"/> (the system's unless the host registered another).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets the account, its rate limit and any resilience changes.</param>
    /// <returns>
    /// The client builder, for an adapter's own handlers (authentication, signing); they run inside pacing, above a last
    /// handler that redacts transport failures before Polly's telemetry logs them.
    /// </returns>
    public static IHttpClientBuilder AddMarketplaceHttpClient(this IServiceCollection services, string name, Action<MarketplaceHttpClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        // A factory, not the constructor with the most services: a registered IRateBudgetStore alone must not move the
        // budgets out of memory; AddSharedRateBudgets does that on purpose.
        services.TryAddSingleton(provider => new AccountBudgets(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new HttpMetrics(provider.GetService<IMeterFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MarketplaceHttpClientOptions>, MarketplaceHttpClientOptionsValidator>());
        services.AddOptions<MarketplaceHttpClientOptions>(name).Configure(configure).ValidateOnStart();
        services.AddSingleton<IHttpMessageHandlerBuilderFilter>(provider =>
            new InnermostHandlerFilter(name, provider.GetRequiredService<IOptionsMonitor<MarketplaceHttpClientOptions>>()));

        var client = services.AddHttpClient(name);
        client.ConfigureHttpClient((provider, http) =>
        {
            // The handlers own every timeout, on the injected clock; HttpClient's own 100 seconds would cut a
            // Retry-After wait short.
            http.Timeout = Timeout.InfiniteTimeSpan;
            if (Options(provider, name).BaseAddress is { } baseAddress)
            {
                http.BaseAddress = baseAddress;
            }
        });

        // IHttpClientFactory's loggers write URIs (with their signed query strings) and, at trace level, headers.
        client.RemoveAllLoggers();
        client.AddHttpMessageHandler(provider => new RedactionHandler(
            name,
            Options(provider, name).Redactor,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Connect.Sdk.Http"),
            provider.GetRequiredService<TimeProvider>(),
            Metrics(provider)));
        client.AddHttpMessageHandler(provider => new TotalTimeoutHandler(
            Options(provider, name).Resilience.TotalTimeout,
            provider.GetRequiredService<TimeProvider>()));
        client.AddResilienceHandler("marketplace", (pipeline, context) =>
            pipeline.AddMarketplaceResilience(
                Options(context.ServiceProvider, name).Resilience,
                context.ServiceProvider.GetRequiredService<TimeProvider>(),
                withAttemptTimeout: false))

            // One pipeline, and so one circuit breaker, per account and operation: a connector's client serves every
            // connection, and one failing shop, or a failing stock endpoint, must not stop the others.
            .SelectPipelineBy(provider => request => MarketplaceRequest.CircuitKeyOf(request, Options(provider, name).Account));
        client.AddHttpMessageHandler(provider => new TransportRedactionHandler(Options(provider, name).Redactor));
        client.AddHttpMessageHandler(provider =>
        {
            var options = Options(provider, name);
            var budgets = provider.GetRequiredService<AccountBudgets>();
            RateBudgetScope? scope = null;
            if (options.RateLimit is { } model)
            {
                scope = new RateBudgetScope(options.Account!, model);

                // Declared limits that disagree about one account are refused when the client is made, not at its first request.
                budgets.GetOrAdd(scope.Account, scope.Limit);
            }

            return new PacingHandler(budgets, scope, options.Resilience.AttemptTimeout, provider.GetRequiredService<TimeProvider>(), Metrics(provider));
        });
        client.AddHttpMessageHandler(provider => new AttemptTimeoutHandler(
            Options(provider, name).Resilience.AttemptTimeout,
            provider.GetRequiredService<TimeProvider>()));

        // The body is read inside the attempt and its timeout: a cut-off answer is a failed attempt, not a failure
        // after the retries.
        client.AddHttpMessageHandler(provider => new WholeAnswerHandler(name, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Connect.Sdk.Http")));
        return client;
    }

    private static HttpMetrics Metrics(IServiceProvider provider) => provider.GetRequiredService<HttpMetrics>();

    private static MarketplaceHttpClientOptions Options(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptionsMonitor<MarketplaceHttpClientOptions>>().Get(name);
}
