using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Shipments;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Orders;
using NodaTime;
using static Connect.Sdk.Tests.Shipments.StatusUpdates;

namespace Connect.Sdk.Tests.Sync;

/// <summary>
/// The marketplace refusing the connection's credentials pauses its automatic work: one entry on the connection's tab
/// naming the settings to correct, no further scheduled or event run, the records waiting instead of failing, and a
/// resume on the user's action — a change of the connection, or <see cref="SyncEngine.ResumeAsync"/>.
/// </summary>
public sealed class CredentialsPauseTests
{
    private static readonly ConnectSdkException Refused = new("The marketplace answered the order list with 401 (invalid token).") { MarketplaceStatusCode = 401 };

    [Fact]
    public async Task RunDueAsync_CredentialsRefused_NoScheduledRunUntilResumeAsync_ThenTheWorkRunsAgain()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(TestOrders.Many(2));
        var pages = 0;
        world.Market.OnFetchPage = _ =>
        {
            pages++;
            throw Refused;
        };

        await world.RunDueAsync();
        for (var quarter = 0; quarter < 4; quarter++)
        {
            world.Harness.Clock.Advance(Duration.FromMinutes(15));
            Assert.DoesNotContain((await world.Harness.Engine.GetDueWorkAsync(default)).Due, w => w.Kind == WorkKind.OrderImport);
            await world.RunDueAsync();
        }

        Assert.Equal(1, pages);
        var entry = await world.Journal.GetAsync(RunKey(world), default);
        Assert.Equal(JournalStatus.Failed, entry!.Status);
        Assert.Equal(
            "Paused: the marketplace refused the connection's credentials (the order import: The marketplace answered the order list with 401 (invalid token).). "
            + "The connection's automatic runs wait: correct 'URL', 'Token' in its settings, then run the connection check, or resume the connection.",
            entry.Message);

        world.Market.OnFetchPage = null;
        await world.Harness.Engine.ResumeAsync(world.Connection, default);
        await world.RunDueAsync();

        Assert.Equal(["1001", "1002"], world.Sink.Orders.Select(o => o.Order.OrderNumber));
        Assert.Equal(JournalStatus.Succeeded, (await world.Journal.GetAsync(RunKey(world), default))!.Status);
    }

    [Fact]
    public async Task RunDueAsync_PausedThenTheCheckPasses_TheNextScheduledRunImports()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(TestOrders.Many(1));
        var pages = 0;
        world.Market.OnFetchPage = _ =>
        {
            pages++;
            throw Refused;
        };
        await world.RunDueAsync();
        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        await world.RunDueAsync();
        Assert.Equal(1, pages);

        world.Market.OnFetchPage = null;
        await world.Harness.Lifecycle.RunConnectionCheckAsync(world.Connection, SyncHarness.User, default);
        await world.RunDueAsync();

        Assert.Equal(["1001"], world.Sink.Orders.Select(o => o.Order.OrderNumber));
    }

    [Fact]
    public async Task RunDueAsync_PausedConnection_AUsersManualImportStillRuns()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(TestOrders.Many(1));
        world.Market.OnFetchPage = _ => throw Refused;
        await world.RunDueAsync();

        // The scheduled import would be due again now; paused, only the user's own run goes.
        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        await world.Import.ImportOrdersAsync(world.Connection, "1001", default);
        var manual = Assert.Single(await world.RunDueAsync());

        Assert.Equal((SyncTrigger.Manual, WorkRunOutcome.Completed), (manual.Item.Trigger, manual.Outcome));
        Assert.Equal(["1001"], world.Sink.Orders.Select(o => o.Order.OrderNumber));
    }

    [Fact]
    public async Task RunDueAsync_ManualRunCompletes_LiftsThePauseItSharedButNotAnotherFailuresPause()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(TestOrders.Many(1));
        world.Market.OnFetchPage = _ => throw Refused;
        await world.RunDueAsync();

        // Later the stock work of the connection is paused again by another failure (its first batch refused alike).
        var schedules = world.Harness.Get<WorkScheduleBook>();
        var credentials = (await schedules.GetAsync(world.Connection, WorkKind.OrderImport, default)).Pause!;
        var stockRefused = credentials with { At = credentials.At + Duration.FromMinutes(10) };
        await schedules.PauseAsync(world.Connection, WorkKind.StockSync, stockRefused, default);
        await schedules.PauseAsync(world.Connection, WorkKind.StockReconcile, stockRefused, default);

        world.Market.OnFetchPage = null;
        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        await world.Import.ImportOrdersAsync(world.Connection, "1001", default);
        var manual = Assert.Single(await world.RunDueAsync());

        // The import proved the credentials fixed, not the stock batch: the stock work stays paused.
        Assert.Equal(WorkRunOutcome.Completed, manual.Outcome);
        Assert.Null((await schedules.GetAsync(world.Connection, WorkKind.OrderImport, default)).Pause);
        Assert.Null((await schedules.GetAsync(world.Connection, WorkKind.OrderStatusExport, default)).Pause);
        Assert.Equal(stockRefused, (await schedules.GetAsync(world.Connection, WorkKind.StockSync, default)).Pause);
        Assert.Equal(stockRefused, (await schedules.GetAsync(world.Connection, WorkKind.StockReconcile, default)).Pause);
    }

    [Fact]
    public async Task StatusExport_CredentialsRefused_OrderWaitsQueuedNotFailed_AndIsExportedAfterTheResume()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        h.Market.OnExport = _ => throw new ConnectSdkException("The marketplace answered 403 (Unauthorized).") { MarketplaceStatusCode = 403 };
        await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);

        var failed = Assert.Single(await h.Engine.RunDueAsync(default));
        h.Clock.Advance(Duration.FromMinutes(5));
        await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1002", Parcel("S2", "TRK-2")), default);

        Assert.Equal(WorkRunOutcome.Failed, failed.Outcome);
        Assert.Empty(await h.Engine.RunDueAsync(default));
        var waiting = await h.StatusEntryAsync(connection, "1001");
        Assert.Equal(JournalStatus.Queued, waiting.Status);
        Assert.StartsWith("Waiting to export status 'shipped' with 1 shipment(s), tracking TRK-1: the marketplace refused the connection's credentials", waiting.Message, StringComparison.Ordinal);

        h.Market.OnExport = null;
        await h.Engine.ResumeAsync(connection, default);
        await h.Engine.RunDueAsync(default);

        Assert.Equal(["1001", "1002"], h.Market.Exports.Select(e => e.OrderNumber).Order(StringComparer.Ordinal));
    }

    private static JournalKey RunKey(OrderWorld world) => new(world.Connection, RecordKind.Connection, nameof(WorkKind.OrderImport));
}
