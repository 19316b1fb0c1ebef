using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connect.Sdk.Alerts;

/// <summary>Registers the alert subscriptions services; called by <c>AddConnectSdk</c> and <c>UseInMemoryStores</c>.</summary>
internal static class AlertServices
{
    /// <summary>The stores of this area the host must supply, for the start-up check.</summary>
    public static IReadOnlyList<HostServiceRequirement> Requirements { get; } =
    [
        new(typeof(IAlertSubscriptionStore), "alert subscriptions and what they delivered", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
    ];

    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new AlertIncidentReader(sp.GetRequiredService<IJournalStore>(), sp.GetRequiredService<IConnectionStore>()));
        services.TryAddSingleton(sp => new AlertComposer(sp.GetRequiredService<IConnectionStore>(), sp.GetRequiredService<ISecretStore>()));
        services.TryAddSingleton(sp => new AlertDispatcher(
            sp.GetRequiredService<IAlertSubscriptionStore>(),
            sp.GetRequiredService<AlertIncidentReader>(),
            sp.GetRequiredService<AlertComposer>(),
            sp.GetRequiredService<IAlertSink>(),
            sp.GetRequiredService<IWorkLeaseStore>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<ConnectSdkOptions>>(),
            ConnectSdkServiceCollectionExtensions.LoggerFor<AlertDispatcher>(sp)));
        services.TryAddSingleton(sp => new AlertSubscriptions(
            sp.GetRequiredService<IAlertSubscriptionStore>(),
            sp.GetRequiredService<IClock>(),
            ConnectSdkServiceCollectionExtensions.LoggerFor<AlertSubscriptions>(sp)));
    }

    public static void AddInMemoryStores(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IAlertSubscriptionStore>();
        services.AddSingleton<IAlertSubscriptionStore>(new InMemoryAlertSubscriptionStore());
    }
}
