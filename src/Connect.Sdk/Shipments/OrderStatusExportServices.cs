using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Connect.Sdk.Shipments;

/// <summary>Registers the order status and tracking export services; called by <c>AddConnectSdk</c> and <c>UseInMemoryStores</c>.</summary>
internal static class OrderStatusExportServices
{
    /// <summary>The stores of this area the host must supply, for the start-up check.</summary>
    public static IReadOnlyList<HostServiceRequirement> Requirements { get; } =
    [
        new(typeof(IOrderStatusOutbox), "order status and tracking changes waiting for export", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
    ];

    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<RestrictedOrderCheck>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkRunner, OrderStatusExportRunner>(sp => new OrderStatusExportRunner(
            sp.GetRequiredService<IOrderStatusOutbox>(),
            sp.GetRequiredService<SyncJournal>(),
            sp.GetRequiredService<ManualWorkQueue>(),
            sp.GetRequiredService<RestrictedOrderCheck>(),
            sp.GetRequiredService<IClock>(),
            ConnectSdkServiceCollectionExtensions.LoggerFor<OrderStatusExportRunner>(sp))));
        services.TryAddSingleton(sp => new OrderStatusExport(
            sp.GetRequiredService<IConnectionStore>(),
            sp.GetRequiredService<IOrderStatusOutbox>(),
            sp.GetRequiredService<SyncJournal>(),
            sp.GetRequiredService<ManualWorkQueue>(),
            sp.GetRequiredService<IClock>(),
            ConnectSdkServiceCollectionExtensions.LoggerFor<OrderStatusExport>(sp)));
    }

    public static void AddInMemoryStores(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IOrderStatusOutbox>();
        services.AddSingleton<IOrderStatusOutbox>(sp => new InMemoryOrderStatusOutbox(sp.GetRequiredService<InMemoryWorkLeaseStore>()));
    }
}
