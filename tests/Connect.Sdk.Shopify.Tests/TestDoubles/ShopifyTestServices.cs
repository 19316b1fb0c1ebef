using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes.Shopify;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Shopify.Tests.TestDoubles;

/// <summary>Builds the connector the way a host does, through <c>AddShopify()</c>, so the real handler chain is under test.</summary>
internal static class ShopifyTestServices
{
    /// <summary>The token every fake shop of these tests accepts; registered for the credential scan.</summary>
    public static readonly string Token = AdapterTestLog.Secret("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");

    /// <summary>A token no fake shop accepts; registered for the credential scan.</summary>
    public static readonly string WrongToken = AdapterTestLog.Secret("shpat_badbadbad0000111122223333444455");

    /// <summary>The connector and the services it lives in.</summary>
    /// <param name="loggerFactory">The loggers; <see langword="null"/> for the recording factory of the credential scan.</param>
    /// <param name="time">The time the HTTP client waits on.</param>
    /// <param name="configure">More services, e.g. a handler added to the connector's client.</param>
    /// <returns>The connector, which disposes its services with itself.</returns>
    public static ServicedConnector Create(ILoggerFactory? loggerFactory, TimeProvider time, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory ?? AdapterTestLog.CreateFactory());
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(time);
        services.AddConnectSdk().AddShopify();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        return new ServicedConnector(provider.GetServices<IConnector>().OfType<ShopifyConnector>().Single(), provider);
    }

    /// <summary>The SDK in memory with the connector, logging into the credential scan's record.</summary>
    /// <param name="connector">The connector.</param>
    /// <returns>The host.</returns>
    public static ConnectTestHost Host(IConnector connector) => ConnectTestHost.Create(sdk =>
    {
        sdk.AddConnector(connector);
        sdk.Services.AddSingleton(AdapterTestLog.CreateFactory());
        sdk.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
    });

    /// <summary>The settings of a connection to a fake shop.</summary>
    /// <param name="shop">The fake.</param>
    /// <param name="token">The token.</param>
    /// <returns>The settings.</returns>
    public static SettingsUpdate Settings(ShopifyFake shop, string? token = null) => SettingsUpdate.Empty
        .Set(ShopifyConnector.ShopKey, shop.BaseAddress.ToString())
        .Set(ShopifyConnector.LocationKey, shop.LocationId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .SetSecret(ShopifyConnector.AccessTokenKey, new SecretValue(token ?? Token));

    /// <summary>The connector of a service provider, disposing the provider (its HTTP handlers) with itself.</summary>
    internal sealed class ServicedConnector(ShopifyConnector connector, ServiceProvider provider) : IConnector, IAsyncDisposable
    {
        public ShopifyConnector Inner => connector;

        public IServiceProvider Services => provider;

        public ConnectorDescriptor Descriptor => connector.Descriptor;

        public IReadOnlyList<IFeature> Features => connector.Features;

        public AccountBudgets Budgets => provider.GetRequiredService<AccountBudgets>();

        public ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken) =>
            connector.CheckConnectionAsync(connection, cancellationToken);

        public ValueTask DisposeAsync() => provider.DisposeAsync();
    }
}
