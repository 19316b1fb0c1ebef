using Basar.Connector;
using Basar.Connector.DependencyInjection;
using Basar.Connector.Fake;
using Connect.Sdk.Articles;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Storage.Sqlite.Tests.Secrets;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;
using Quartz;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Quartz;

/// <summary>
/// The Quartz cluster of docs/scheduling.md: two ERP hosts in this process, each a Quartz node (its own instance id) on
/// Quartz's clustered ADO job store, with the SDK's stores in the same PostgreSQL database and the Basar fake as the
/// marketplace. Every order is booked once, Quartz's own tables say which node ran the job, and when the node that
/// ran it stops, the other one carries on.
/// </summary>
public sealed class QuartzClusterTests(PostgreSqlServer server) : IAsyncDisposable
{
    // Short for the test; docs/scheduling.md gives the values for production.
    private static readonly TimeSpan PassInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MisfireThreshold = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(5);
    // Guards each wait against a hang only: two Quartz nodes and the SDK starting on a loaded 2-core CI machine are slow.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private const string ApiToken = "test-token-5c1d";

    private readonly PostgreSqlTestDatabases _databases = new(server);
    private readonly SecretKeys _keys = new();
    private readonly BookedOrders _booked = new();
    private readonly List<IHost> _nodes = [];

    [Fact]
    public async Task QuartzCluster_TwoNodesOnTheSdksDatabase_BookEveryOrderOnceAndTheOtherCarriesOnWhenOneStops()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await _databases.ConnectionStringAsync();
        await QuartzTables.CreateAsync(connectionString, "quartz", ct);
        await using var basar = BasarFake.Start(ApiToken);
        var mug = new ForeignNumber(BasarConnector.OfferIdLabel, "BA-4711");
        basar.SeedArticle(mug, stock: 0);

        // The ERP's user brings the connection live once; the nodes then share it through the database.
        await using var erp = ConnectTestHost.Create(sdk => sdk.AddBasar().UsePostgreSql(connectionString).ProtectSecretsWithDataProtection(_keys.Folder));
        var connection = await erp.CreateProductiveConnectionAsync(BasarConnector.Id, SettingsUpdate.Empty
            .Set(BasarConnector.BaseUrlKey, basar.BaseAddress.ToString())
            .Set(BasarConnector.FallbackCarrierKey, "DHL")
            .SetSecret(BasarConnector.ApiTokenKey, new SecretValue(ApiToken)));
        await erp.AddArticleAsync(connection, new Article("4711", "Coffee mug", ArticleKind.Simple), mug, onHand: 7);

        // Placed before the nodes start, so that the first pass that imports finds all three.
        var now = SystemClock.Instance.GetCurrentInstant();
        foreach (var number in new[] { "2001", "2002", "2003" })
        {
            basar.SeedOrder(ConformanceOrders.Simple(number, now, mug));
        }

        var nodes = new Dictionary<string, IHost>
        {
            ["node-a"] = await StartNodeAsync("node-a", connectionString, erp, ct),
            ["node-b"] = await StartNodeAsync("node-b", connectionString, erp, ct),
        };
        await _booked.WaitForAsync(3, "the two nodes to start and a pass to book orders 2001-2003", Deadline, ct);
        Assert.Equal(["node-a", "node-b"], await CheckedInNodesAsync(connectionString, ct));

        // The node that booked the orders stops; its Quartz finishes the pass under way first (WaitForJobsToComplete).
        var stopped = _booked.HandOvers[0].Node;
        var survivor = nodes.Keys.Single(n => n != stopped);
        await nodes[stopped].StopAsync(ct);
        var firingsAtTheStop = await FiringsByNodeAsync(connectionString, ct);

        // A user of the ERP asks for orders now; only the survivor is left to run that.
        basar.SeedOrder(ConformanceOrders.Simple("2004", now, mug));
        basar.SeedOrder(ConformanceOrders.Simple("2005", now, mug));
        var fetch = await nodes[survivor].Services.GetRequiredService<OrderImport>().FetchOrdersAsync(connection, ct);
        Assert.Null(fetch.Refusal);
        await _booked.WaitForAsync(5, $"the survivor {survivor} to book orders 2004 and 2005 after {stopped} stopped", Deadline, ct);
        await nodes[survivor].StopAsync(ct);

        var booked = _booked.HandOvers;
        Assert.Equal(["2001", "2002", "2003", "2004", "2005"], booked.Select(b => b.OrderNumber).Order(StringComparer.Ordinal));
        Assert.All(booked.Where(b => b.OrderNumber is "2001" or "2002" or "2003"), b => Assert.Equal(stopped, b.Node));
        Assert.All(booked.Where(b => b.OrderNumber is "2004" or "2005"), b => Assert.Equal(survivor, b.Node));
        Assert.Equal(7, basar.StockOf(mug));

        // Quartz's own execution history: the stopped node fired nothing after it stopped, the survivor fired the rest.
        var firings = await FiringsByNodeAsync(connectionString, ct);
        Assert.True(firingsAtTheStop.GetValueOrDefault(stopped) > 0, $"Quartz's history has no pass of {stopped}, which booked the orders: {string.Join(", ", firingsAtTheStop)}.");
        Assert.Equal(firingsAtTheStop[stopped], firings[stopped]);
        Assert.True(firings.GetValueOrDefault(survivor) > firingsAtTheStop.GetValueOrDefault(survivor), $"The survivor {survivor} ran no pass after {stopped} stopped: {string.Join(", ", firings)}.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.StopAsync(CancellationToken.None);
            node.Dispose();
        }

        await _databases.DisposeAsync();
        _keys.Dispose();
    }

    private async Task<IHost> StartNodeAsync(string nodeId, string connectionString, ConnectTestHost erp, CancellationToken cancellationToken)
    {
        var sharedKeysFolder = _keys.Folder;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        var sdk = builder.Services.AddConnectSdk()
            .AddBasar()
            .UseArticleCatalog(erp.Articles)
            .UseStockSource(erp.Stock)
            .UsePriceSource(erp.Prices)
            .UseOrderSink(_booked.SinkFor(nodeId))
            .UseAlertSink(erp.Alerts);

        #region snippet: scheduling-quartz-cluster
        sdk.UsePostgreSql(connectionString)                          // the SDK's tables (and no AddHostedScheduler)
            .ProtectSecretsWithDataProtection(sharedKeysFolder);     // one key ring that every node reads
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "connect-sdk";                      // the cluster: the same on every node
                s.InstanceId = nodeId;                               // this node: unique in the cluster
            });
            q.UseDefaultThreadPool(2);                               // the pass runs connections in parallel itself
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);                 // Quartz's tables in the same database ...
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = "quartz.qrtz_";                  // ... in a schema of their own
                    o.MisfireThreshold = MisfireThreshold;
                });
                store.UseClustering(c =>
                {
                    c.CheckinInterval = CheckinInterval;
                    c.CheckinMisfireThreshold = CheckinMisfireThreshold;
                });
                store.UseExecutionHistory();                         // which node ran which pass, in quartz.qrtz_execution_history
                store.UseSystemTextJsonSerializer();
            });
            q.AddJob<ConnectSdkJob>(j => j.WithIdentity("connect-sdk"));
            q.AddTrigger(t => t.ForJob("connect-sdk").WithIdentity("connect-sdk-pass")
                .WithSimpleSchedule(s => s.WithInterval(PassInterval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));   // missed passes: one now, not one each
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        #endregion

        var host = builder.Build();
        _nodes.Add(host);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            await host.StartAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"Quartz node {nodeId} did not start within {Deadline}.");
        }

        return host;
    }

    private static async Task<string[]> CheckedInNodesAsync(string connectionString, CancellationToken cancellationToken) =>
        [.. await ReadAsync(connectionString, "SELECT instance_name FROM quartz.qrtz_scheduler_state WHERE sched_name = 'connect-sdk' ORDER BY instance_name;", r => r.GetString(0), cancellationToken)];

    private static async Task<Dictionary<string, long>> FiringsByNodeAsync(string connectionString, CancellationToken cancellationToken) =>
        (await ReadAsync(
            connectionString,
            "SELECT instance_name, count(*) FROM quartz.qrtz_execution_history WHERE sched_name = 'connect-sdk' AND job_name = 'connect-sdk' GROUP BY instance_name;",
            r => (Node: r.GetString(0), Firings: r.GetInt64(1)),
            cancellationToken)).ToDictionary(f => f.Node, f => f.Firings, StringComparer.Ordinal);

    private static async Task<List<T>> ReadAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> row, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
