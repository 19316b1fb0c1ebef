using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>Registers the order import services; called by <c>AddConnectSdk</c> and <c>UseInMemoryStores</c>.</summary>
internal static class OrderImportServices
{
    /// <summary>The stores of this area the host must supply, for the start-up check.</summary>
    public static IReadOnlyList<HostServiceRequirement> Requirements { get; } =
    [
        new(typeof(IOrderStagingStore), "staged orders and the order import cursor", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
    ];

    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new OrderImportJournal(sp.GetRequiredService<SyncJournal>()));
        services.TryAddSingleton(sp => new OrderHandOverStep(
            sp.GetRequiredService<IImportedOrderLedger>(),
            sp.GetRequiredService<IOrderSink>(),
            sp.GetRequiredService<IOrderStagingStore>(),
            new OrderReadiness(sp.GetRequiredService<ForeignNumberResolver>()),
            sp.GetRequiredService<OrderImportJournal>(),
            sp.GetRequiredService<IClock>(),
            ConnectSdkServiceCollectionExtensions.LoggerFor<OrderImport>(sp)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkRunner, OrderImportRunner>(sp => new OrderImportRunner(
            sp.GetRequiredService<IOrderStagingStore>(),
            sp.GetRequiredService<IImportedOrderLedger>(),
            sp.GetRequiredService<OrderHandOverStep>(),
            sp.GetRequiredService<OrderImportJournal>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<ConnectSdkOptions>>(),
            ConnectSdkServiceCollectionExtensions.LoggerFor<OrderImport>(sp))));
        services.TryAddSingleton(sp => new OrderImport(sp.GetRequiredService<ManualWorkQueue>(), sp.GetRequiredService<SyncJournal>()));
    }

    public static void AddInMemoryStores(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IOrderStagingStore>();
        services.AddSingleton<IOrderStagingStore>(sp => new InMemoryOrderStagingStore(sp.GetRequiredService<InMemoryWorkLeaseStore>()));
    }
}
