using Connect.Sdk.Articles;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Sync;
using Connect.Sdk.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

/// <summary>
/// The <see cref="SyncHarness"/> with one connection that uses the Orders feature, the test articles mapped,
/// and every store, the catalog and the ERP's sink wrapped in decorators that fail when <see cref="Faults"/>
/// arms them. The inner in-memory instances are exposed for assertions.
/// </summary>
internal sealed class OrderWorld : IAsyncDisposable
{
    private OrderWorld(Action<ConnectSdkOptions>? options, Action<IServiceCollection>? configure)
    {
        Ledger = new InMemoryImportedOrderLedger(Leases);
        Staging = new InMemoryOrderStagingStore(Leases);
        Harness = new SyncHarness(
            s =>
            {
                // The in-memory stores below are fenced by the harness's lease store, so it is theirs.
                s.RemoveAll<InMemoryWorkLeaseStore>();
                s.AddSingleton(Leases);
                s.AddSingleton<IOrderSink>(new FaultyOrderSink(Sink, Faults));
                s.AddSingleton<IImportedOrderLedger>(new FaultyLedger(Ledger, Faults));
                s.AddSingleton<IOrderStagingStore>(new FaultyStagingStore(Staging, Faults));
                s.AddSingleton<IArticleCatalog>(new FaultyArticleCatalog(Catalog, Faults));
                s.AddSingleton<IJournalStore>(new FaultyJournalStore(JournalStore, Faults));
                configure?.Invoke(s);
            },
            options);
    }

    public Faults Faults { get; } = new();

    public InMemoryOrderSink Sink { get; } = new();

    public InMemoryWorkLeaseStore Leases { get; } = new();

    public InMemoryImportedOrderLedger Ledger { get; }

    public InMemoryOrderStagingStore Staging { get; }

    public InMemoryArticleCatalog Catalog { get; } = new();

    public InMemoryJournalStore JournalStore { get; } = new();

    public SyncHarness Harness { get; }

    public TestMarketplace Market => Harness.Market;

    public ConnectionId Connection { get; private set; }

    public OrderImport Import => Harness.Get<OrderImport>();

    public SyncJournal Journal => Harness.Journal;

    public static Task<OrderWorld> ProductiveAsync(ImportMode importMode = ImportMode.Automatic, Action<ConnectSdkOptions>? options = null, Action<IServiceCollection>? configure = null) =>
        CreateAsync(productive: true, importMode, FeatureMode.Integration, options, configure);

    public static Task<OrderWorld> TestPhaseAsync(ImportMode importMode = ImportMode.Automatic, Action<ConnectSdkOptions>? options = null) =>
        CreateAsync(productive: false, importMode, FeatureMode.Test, options, null);

    /// <summary>Puts orders on the marketplace.</summary>
    public void Publish(params MarketplaceOrder[] orders)
    {
        foreach (var order in orders)
        {
            Market.AddOrUpdate(order);
        }
    }

    /// <summary>Adds an ERP article with the foreign number <c>SKU-{number}</c> on the connection.</summary>
    public async Task MapArticleAsync(string number)
    {
        Catalog.Add(new Article(number, "Article " + number, ArticleKind.Simple));
        var report = await Harness.Get<ForeignNumberImporter>().ImportAsync(
            Connection, TestMarketplace.Id, [new ForeignNumberRow(number, TestMarketplace.Label.Value, "SKU-" + number)], default);
        Assert.True(report.IsComplete, string.Join("; ", report.Issues));
    }

    /// <summary>A scheduled run of the order import now, through the engine (lease, allowed actions).</summary>
    public ValueTask<WorkRunResult> RunScheduledAsync() =>
        Harness.Engine.RunAsync(new WorkItem(Connection, WorkKind.OrderImport, SyncTrigger.Scheduled, Harness.Clock.GetCurrentInstant()), default);

    /// <summary>Everything due now, as the host's scheduler runs it.</summary>
    public ValueTask<IReadOnlyList<WorkRunResult>> RunDueAsync() => Harness.Engine.RunDueAsync(default);

    /// <summary>Makes writes as a run of the connection that broke off would have made them: under its lease, released after.</summary>
    public async Task AsARunThatBrokeOffAsync(Func<WorkLease, ValueTask> write)
    {
        var lease = await Leases.TryAcquireAsync($"connection:{Connection}", "earlier-worker", Harness.Clock.GetCurrentInstant(), Duration.FromMinutes(10), default)
                    ?? throw new InvalidOperationException($"Another worker holds {Connection}.");
        await write(lease);
        await Leases.ReleaseAsync(lease, default);
    }

    public async Task<JournalEntry> EntryAsync(string number) =>
        await Journal.GetAsync(new JournalKey(Connection, RecordKind.Order, number), default)
        ?? throw new Xunit.Sdk.XunitException($"Order {number} has no journal entry.");

    public Task<JournalEntry?> FindEntryAsync(string number) =>
        Journal.GetAsync(new JournalKey(Connection, RecordKind.Order, number), default).AsTask();

    public int SinkCount(string number) => Sink.Orders.Count(o => o.Order.OrderNumber == number);

    public ValueTask DisposeAsync() => Harness.DisposeAsync();

    private static async Task<OrderWorld> CreateAsync(bool productive, ImportMode importMode, FeatureMode mode, Action<ConnectSdkOptions>? options, Action<IServiceCollection>? configure)
    {
        var world = new OrderWorld(options, configure);
        world.Connection = await world.Harness.CreateConnectionAsync("market-1", productive, importMode, mode, FeatureKind.Orders);
        foreach (var article in TestOrders.ArticleNumbers)
        {
            await world.MapArticleAsync(article);
        }

        return world;
    }
}
