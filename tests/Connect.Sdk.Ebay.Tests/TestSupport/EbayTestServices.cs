using Connect.Sdk.Connectors;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Ebay.Tests.TestSupport;

/// <summary>The connector as an ERP host gets it: <c>AddConnectSdk().AddEbay()</c>, so the real handler chain runs.</summary>
internal static class EbayTestServices
{
    public static ServiceProvider Build(ILoggerFactory loggerFactory, TimeProvider time, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(time);
        services.AddConnectSdk().AddEbay();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static EbayConnector Connector(this IServiceProvider services) =>
        services.GetServices<IConnector>().OfType<EbayConnector>().Single();

    /// <summary>A connection context as the SDK makes one, with the settings' secrets in an in-memory store.</summary>
    public static async Task<ConnectionContext> ContextAsync(SettingsUpdate settings, string connectionId = "ebay-1")
    {
        var id = new ConnectionId(connectionId);
        var secrets = new InMemorySecretStore();
        foreach (var (key, secret) in settings.Secrets)
        {
            if (secret is not null)
            {
                await secrets.SetAsync(id, key, secret, CancellationToken.None);
            }
        }

        var values = settings.Values.Where(v => v.Value is not null).Select(v => KeyValuePair.Create(v.Key, v.Value!));
        return new ConnectionContext(id, ConnectorId.Ebay, new ConnectionSettings(values, settings.Secrets.Where(s => s.Value is not null).Select(s => s.Key)), secrets);
    }
}
