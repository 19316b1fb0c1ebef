using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.DependencyInjection;

/// <summary>
/// Fails start-up when the host forgot to supply a service of the host SPI, naming every missing one and
/// the builder call that supplies it, instead of failing later inside a sync run.
/// </summary>
internal sealed class HostServicesValidator(IServiceProviderIsService services) : IValidateOptions<ConnectSdkOptions>
{
    internal static readonly IReadOnlyList<HostServiceRequirement> Requirements =
    [
        new(typeof(IArticleCatalog), "the ERP's articles", "builder.UseArticleCatalog<T>()"),
        new(typeof(IStockSource), "the ERP's stock levels", "builder.UseStockSource<T>()"),
        new(typeof(IOrderSink), "the ERP's order intake", "builder.UseOrderSink<T>()"),
        new(typeof(IAlertSink), "alert delivery", "builder.UseAlertSink<T>()"),
        new(typeof(ISecretStore), "connection secrets", "builder.UseSecretStore<T>() or UseInMemoryStores()"),
        new(typeof(IConnectionStore), "connections and their lifecycle history", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
        new(typeof(IForeignNumberStore), "foreign numbers", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
        new(typeof(IJournalStore), "the journal", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
        new(typeof(IImportedOrderLedger), "the imported-order ledger", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
        new(typeof(IWorkLeaseStore), "leases on connections' work", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
        new(typeof(IWorkScheduleStore), "the schedule of connections' work", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
        .. StockSyncServices.Requirements,
        .. PriceSyncServices.Requirements,
        .. OrderImportServices.Requirements,
        .. OrderStatusExportServices.Requirements,
        .. AlertServices.Requirements,
    ];

    public ValidateOptionsResult Validate(string? name, ConnectSdkOptions options)
    {
        var missing = Requirements.Where(r => !services.IsService(r.ServiceType)).ToArray();
        return missing.Length == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Connect.Sdk is missing services the host must supply: {string.Join("; ", missing.Select(m => m.ToString()))}.");
    }
}
