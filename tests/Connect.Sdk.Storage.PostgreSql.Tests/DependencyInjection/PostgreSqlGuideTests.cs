using Connect.Sdk.Journal;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Storage.PostgreSql.Tests.DependencyInjection;

/// <summary>The PostgreSQL example of docs/storage.md runs: the host migrates at start-up and the stores share the database.</summary>
public sealed class PostgreSqlGuideTests(PostgreSqlServer server)
{
    [Fact]
    public async Task UsePostgreSql_GuideExample_MigratesAtStartUpAndStoresInTheDatabase()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            var services = new ServiceCollection();
            #region snippet: storage-postgresql
            services.AddConnectSdk()
                /* connectors and the ERP's services, see getting-started.md */
                .UsePostgreSql(connectionString);   // leases judged by the database server's clock
            await using var provider = services.BuildServiceProvider();

            // Optional, at start-up: create or migrate the schema now, to fail early rather than at the first run.
            await provider.GetRequiredService<PostgreSqlDatabase>().MigrateAsync(cancellationToken);
            #endregion

            var journal = provider.GetRequiredService<IJournalStore>();
            Assert.IsType<PostgreSqlJournalStore>(journal);
            Assert.Null(await journal.GetAsync(new JournalKey(new ConnectionId("shop"), RecordKind.Order, "1001"), cancellationToken));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }
}
