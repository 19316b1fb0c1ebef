using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Features;
using Connect.Sdk.Hosting;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Stock;
using Connect.Sdk.Storage.Sqlite;
using Connect.Sdk.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// A host as an ERP runs it (SQLite file store, the hosted scheduler with four runs at a time and no start spread) with
/// a given number of productive connections that import orders from an in-process marketplace with none to give: what
/// a cycle costs is then the scheduler's and the engine's own cost per connection.
/// </summary>
public sealed class SchedulerWorld : IAsyncDisposable
{
    private readonly string _folder;
    private readonly RunCounter _runs;

    private SchedulerWorld(IHost host, string folder, RunCounter runs)
    {
        Host = host;
        _folder = folder;
        _runs = runs;
    }

    public IHost Host { get; }

    public SyncEngine Engine => Host.Services.GetRequiredService<SyncEngine>();

    /// <summary>Builds the host (not started) and creates the connections, each with its first order import due now.</summary>
    public static async Task<SchedulerWorld> CreateAsync(int connections)
    {
        var folder = Path.Combine(Path.GetTempPath(), "connect-sdk-scheduler-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var runs = new RunCounter();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IWorkRunObserver>(runs);
        builder.Services.AddConnectSdk()
            .AddConnector(new EmptyMarketplace())
            .ConfigureForeignNumberRules(rules => rules.WithIdentity(EmptyMarketplace.Id, "no articles: orders only"))
            .UseAlertSink(new InMemoryAlertSink())
            .UseArticleCatalog(new InMemoryArticleCatalog())
            .UseStockSource(new InMemoryStockSource())
            .UsePriceSource(new InMemoryPriceSource())
            .UseOrderSink(new InMemoryOrderSink())
            .UseSqlite(Path.Combine(folder, "connect.db"), o => o.DangerouslyStoreSecretsInPlainText = true)
            .AddHostedScheduler(o =>
            {
                o.MaxConcurrentRuns = 4;
                o.StartSpread = Duration.Zero;
            });
        var host = builder.Build();

        // Straight into the store: going through the lifecycle's checks for ten thousand connections would measure it.
        var store = host.Services.GetRequiredService<IConnectionStore>();
        var createdAt = SystemClock.Instance.GetCurrentInstant() - Duration.FromHours(1);
        for (var i = 0; i < connections; i++)
        {
            var connection = new Connection
            {
                Id = new ConnectionId($"cycle-{i:D5}"),
                ConnectorId = EmptyMarketplace.Id,
                Name = $"Cycle {i}",
                Check = new ConnectionCheck(CheckStatus.Passed, createdAt, "ok"),
                IsProductive = true,
                ImportMode = ImportMode.Automatic,
                FeatureModes = new Dictionary<FeatureKind, FeatureMode> { [FeatureKind.Orders] = FeatureMode.Integration },
                CreatedAt = createdAt,
            };
            _ = await store.TryCreateAsync(connection, [], CancellationToken.None) ?? throw new InvalidOperationException($"{connection.Id} exists already.");
        }

        return new SchedulerWorld(host, folder, runs);
    }

    /// <summary>Starts the host, and stops it when <paramref name="runs"/> runs have ended.</summary>
    public async Task RunCycleAsync(int runs)
    {
        await StartCycleAsync(runs);
        await Host.StopAsync();
    }

    /// <summary>Starts the host and returns, with the host still running, when <paramref name="runs"/> runs have ended.</summary>
    public async Task StartCycleAsync(int runs)
    {
        var done = _runs.WhenReached(runs);
        await Host.StartAsync();
        await done;
    }

    public ValueTask DisposeAsync()
    {
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Counts the runs that ended and completes a wait when a number is reached.</summary>
    private sealed class RunCounter : IWorkRunObserver
    {
        private int _ended;
        private int _target = int.MaxValue;
        private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WhenReached(int target)
        {
            Volatile.Write(ref _target, Volatile.Read(ref _ended) + target);
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _reached.Task;
        }

        public ValueTask OnRunFinishedAsync(WorkRunResult result, CancellationToken cancellationToken)
        {
            if (result.Outcome != WorkRunOutcome.Completed)
            {
                _reached.TrySetException(new InvalidOperationException($"A run did not complete: {result}"));
            }
            else if (Interlocked.Increment(ref _ended) >= Volatile.Read(ref _target))
            {
                _reached.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }
    }
}
