using Connect.Sdk.Alerts;
using Connect.Sdk.Journal;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Alerts;
using Connect.Sdk.Tests.Orders;
using NodaTime;

namespace Connect.Sdk.Tests.Sync;

/// <summary>
/// A failure that is no one record's (the order list answers with an error page, every call is refused) reaches the
/// user: one failed entry on the connection's tab and one alert, however many runs fail the same way, and the first run
/// that completes marks it succeeded.
/// </summary>
public sealed class RunLevelFailureTests
{
    private const string ErrorPage = "The marketplace answered the order list with 502 (<html><body>Bad gateway</body></html>).";

    [Fact]
    public async Task RunAsync_RunBreaksOff_ConnectionEntryFailsWithTheReason()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(TestOrders.Many(2));
        world.Market.OnFetchPage = _ => throw new HttpRequestException(ErrorPage);

        var result = await world.RunScheduledAsync();

        Assert.Equal(WorkRunOutcome.Failed, result.Outcome);
        var entry = await world.Journal.GetAsync(RunKey(world), default);
        Assert.NotNull(entry);
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Equal($"The order import broke off and is tried again at its next run: {ErrorPage}", entry.Message);
        Assert.Equal(1, entry.Attempts);
    }

    [Fact]
    public async Task DispatchDueAsync_SameFailureRunAfterRun_OneAlertCountingTheRuns()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        await world.Harness.Subscriptions().SubscribeAsync(AlertTestKit.Subscription("all-errors"), default);
        world.Publish(TestOrders.Many(2));
        world.Market.OnFetchPage = _ => throw new HttpRequestException(ErrorPage);

        var delivered = new List<AlertNotification>();
        for (var run = 0; run < 25; run++)
        {
            world.Harness.Clock.Advance(Duration.FromMinutes(15));
            await world.RunScheduledAsync();
            delivered.AddRange((await world.Harness.Dispatcher().DispatchDueAsync(default)).Delivered);
        }

        var alert = Assert.Single(delivered);
        Assert.Equal(AlertSeverity.Error, alert.Severity);
        Assert.Equal($"1 run broke off on {world.Connection}", alert.Subject);
        Assert.Contains(ErrorPage, alert.Body, StringComparison.Ordinal);
        Assert.Equal(25, (await world.Journal.GetAsync(RunKey(world), default))!.Attempts);
    }

    [Fact]
    public async Task RunAsync_ARunCompletesAfterFailedOnes_ConnectionEntrySucceeds()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(TestOrders.Many(2));
        world.Market.OnFetchPage = _ => throw new HttpRequestException(ErrorPage);
        await world.RunScheduledAsync();
        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        await world.RunScheduledAsync();

        world.Market.OnFetchPage = null;
        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        var result = await world.RunScheduledAsync();

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        var entry = await world.Journal.GetAsync(RunKey(world), default);
        Assert.Equal(JournalStatus.Succeeded, entry!.Status);
        Assert.Equal("The order import ran again after 2 failed run(s).", entry.Message);
    }

    private static JournalKey RunKey(OrderWorld world) => new(world.Connection, RecordKind.Connection, nameof(WorkKind.OrderImport));
}
