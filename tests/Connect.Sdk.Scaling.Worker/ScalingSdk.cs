using Basar.Connector.DependencyInjection;
using Connect.Sdk.Alerts;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Orders;
using Connect.Sdk.Stock;
using Connect.Sdk.Storage.PostgreSql;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// The SDK as every process of the proof registers it: the Basar connector, the ERP of <see cref="ScalingArticles"/>,
/// <see cref="DatabaseStockSource"/> and <see cref="DatabaseOrderSink"/>, all stores in the shared PostgreSQL
/// database, and the lease store that records runs.
/// </summary>
internal static class ScalingSdk
{
    public static ConnectSdkBuilder Add(IServiceCollection services, NpgsqlDataSource dataSource, WorkerIdentity worker, ScalingSettings settings)
    {
        services.AddSingleton(dataSource);
        services.AddSingleton(worker);
        var sdk = services.AddConnectSdk(o =>
            {
                o.WorkerId = worker.Id;
                o.LeaseDuration = Duration.FromSeconds(settings.LeaseSeconds);
                o.StockSyncInterval = Duration.FromSeconds(10);
                o.OrderImportInterval = Duration.FromMinutes(1);
                o.FailedRunRetryDelay = Duration.FromSeconds(1);
            })
            .AddBasar()
            .UseArticleCatalog(ScalingArticles.Catalog())
            .UseStockSource<DatabaseStockSource>()
            .UseOrderSink<DatabaseOrderSink>()
            .UseAlertSink(new InMemoryAlertSink())
            // The test database is thrown away; plain text spares every process a shared Data Protection key ring.
            .UsePostgreSql(dataSource, o => o.DangerouslyStoreSecretsInPlainText = true);
        services.AddSingleton<PostgreSqlWorkLeaseStore>();
        services.AddSingleton<IWorkLeaseStore>(sp => new RunRecordingLeaseStore(
            sp.GetRequiredService<PostgreSqlWorkLeaseStore>(), dataSource, worker));
        return sdk;
    }
}
