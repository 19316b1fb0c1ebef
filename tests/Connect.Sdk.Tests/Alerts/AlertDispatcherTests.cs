using Connect.Sdk.Alerts;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Shipments;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Shipments;
using Connect.Sdk.Tests.Sync;
using Connect.Sdk.Tests.TestDoubles;
using NodaTime;
using static Connect.Sdk.Tests.Alerts.AlertTestKit;

namespace Connect.Sdk.Tests.Alerts;

public sealed class AlertDispatcherTests
{
    private static readonly ConnectionId Market1 = new("market-1");
    private static readonly ConnectionId Market2 = new("market-2");

    [Fact]
    public async Task Dispatch_Immediately_DeliversNewFailuresAtOnce_InOneNotificationPerConnection()
    {
        await using var h = new SyncHarness();
        await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        await h.Subscriptions().SubscribeAsync(Subscription("s1"), default);
        h.Clock.Advance(Duration.FromMinutes(1));
        await h.FailAsync(Market1, "1001", "tax information missing in shop order 1001");
        await h.FailAsync(Market1, "1002", "unknown article SKU-9");
        await h.FailAsync(Market1, "1003", "address incomplete");

        var result = await h.Dispatcher().DispatchDueAsync(default);

        var alert = Assert.Single(h.Alerts.Delivered);
        Assert.Equal(alert, Assert.Single(result.Delivered));
        Assert.Equal((Market1, AlertSeverity.Error, "s1"), (alert.Connection, alert.Severity, alert.SubscriptionId));
        Assert.Equal("3 orders failed to import on market-1", alert.Subject);
        Assert.Contains("- Failed: order 1001 at 2026-11-23T08:01:00Z: tax information missing in shop order 1001", alert.Body, StringComparison.Ordinal);
        Assert.Contains("unknown article SKU-9", alert.Body, StringComparison.Ordinal);
        Assert.Equal(["1001", "1002", "1003"], alert.Incidents.Select(i => i.Record.RecordKey));
        Assert.Equal(h.Clock.GetCurrentInstant(), alert.RaisedAt);
        Assert.Null(result.NextDueAt);
    }

    [Fact]
    public async Task Dispatch_Repeatedly_NeverDeliversTheSameIncidentTwice()
    {
        await using var h = new SyncHarness();
        await h.Subscriptions().SubscribeAsync(Subscription("s1") with { Connections = new HashSet<ConnectionId> { Market1 } }, default);
        await h.FailAsync(Market1, "1001");

        await h.Dispatcher().DispatchDueAsync(default);
        await h.Dispatcher().DispatchDueAsync(default);
        h.Clock.Advance(Duration.FromMinutes(2));
        await h.Dispatcher().DispatchDueAsync(default);
        h.Clock.Advance(Duration.FromMinutes(10));
        await h.Dispatcher().DispatchDueAsync(default);

        Assert.Single(h.Alerts.Delivered);
    }

    [Fact]
    public async Task Dispatch_SameRecordFailsAgainLater_IsANewIncident()
    {
        await using var h = new SyncHarness();
        await h.Subscriptions().SubscribeAsync(Subscription("s1") with { Connections = new HashSet<ConnectionId> { Market1 } }, default);
        await h.FailAsync(Market1, "1001", "tax information missing");
        await h.Dispatcher().DispatchDueAsync(default);

        // The user retries; the retry fails again a minute later.
        h.Clock.Advance(Duration.FromMinutes(1));
        await h.Journal.SetStatusAsync(new JournalKey(Market1, RecordKind.Order, "1001"), JournalStatus.Running, "retry", default);
        await h.FailAsync(Market1, "1001", "tax information still missing");
        await h.Dispatcher().DispatchDueAsync(default);

        Assert.Equal(["tax information missing", "tax information still missing"], h.Alerts.Delivered.Select(a => Assert.Single(a.Incidents).Message));
    }

    [Fact]
    public async Task Dispatch_WarningsOnlyAndErrorsOnly_EachGetsItsSeverity()
    {
        await using var h = new SyncHarness();
        await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        await h.Subscriptions().SubscribeAsync(Subscription("warnings", AlertFrequency.Immediately, AlertSeverity.Warning), default);
        await h.Subscriptions().SubscribeAsync(Subscription("errors", AlertFrequency.Immediately, AlertSeverity.Error), default);
        await h.Subscriptions().SubscribeAsync(Subscription("both", AlertFrequency.Immediately, AlertSeverity.Warning, AlertSeverity.Error), default);
        await h.WarnAsync(Market1, "1001");
        await h.FailAsync(Market1, "1002");

        await h.Dispatcher().DispatchDueAsync(default);

        var bySubscription = h.Alerts.Delivered.ToDictionary(a => a.SubscriptionId!);
        Assert.Equal(["1001"], bySubscription["warnings"].Incidents.Select(i => i.Record.RecordKey));
        Assert.Equal("1 order imported with warnings on market-1", bySubscription["warnings"].Subject);
        Assert.Equal(AlertSeverity.Warning, bySubscription["warnings"].Severity);
        Assert.Equal(["1002"], bySubscription["errors"].Incidents.Select(i => i.Record.RecordKey));
        Assert.Equal(["1001", "1002"], bySubscription["both"].Incidents.Select(i => i.Record.RecordKey));
        Assert.Equal("2 records need attention on market-1: 1 failed, 1 with warnings", bySubscription["both"].Subject);
        Assert.Equal(AlertSeverity.Error, bySubscription["both"].Severity);
    }

    [Fact]
    public async Task Dispatch_ConnectionFilter_ReportsOnlyTheChosenConnections_AllCoversEveryConnection()
    {
        await using var h = new SyncHarness();
        await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        await h.CreateProductiveConnectionAsync("market-2", FeatureKind.Orders);
        await h.Subscriptions().SubscribeAsync(Subscription("only-1") with { Connections = new HashSet<ConnectionId> { Market1 } }, default);
        await h.Subscriptions().SubscribeAsync(Subscription("all"), default);
        await h.FailAsync(Market1, "1001");
        await h.FailAsync(Market2, "2001");

        await h.Dispatcher().DispatchDueAsync(default);

        Assert.Equal(
            [("all", "market-1"), ("all", "market-2"), ("only-1", "market-1")],
            h.Alerts.Delivered.Select(a => (a.SubscriptionId!, a.Connection.Value)).Order());
    }

    [Fact]
    public async Task Dispatch_RecordKindFilter_ReportsOnlyTheChosenTabs()
    {
        await using var h = new SyncHarness();
        await h.Subscriptions().SubscribeAsync(Subscription("status") with { Connections = new HashSet<ConnectionId> { Market1 }, RecordKinds = new HashSet<RecordKind> { RecordKind.OrderStatus } }, default);
        await h.FailAsync(Market1, "1001", kind: RecordKind.Order);
        await h.FailAsync(Market1, "1002", kind: RecordKind.OrderStatus);
        await h.FailAsync(Market1, "A-1", kind: RecordKind.ArticleStock);

        await h.Dispatcher().DispatchDueAsync(default);

        var alert = Assert.Single(h.Alerts.Delivered);
        Assert.Equal("1 order status failed to export on market-1", alert.Subject);
    }

    [Fact]
    public async Task Dispatch_Hourly_DeliversAtMostOnceAnHour_WithTheIncidentsOfThatHour()
    {
        await using var h = new SyncHarness();
        await h.Subscriptions().SubscribeAsync(Subscription("hourly", AlertFrequency.Hourly) with { Connections = new HashSet<ConnectionId> { Market1 } }, default);
        var dispatcher = h.Dispatcher();

        h.Clock.Advance(Duration.FromMinutes(10));
        await h.FailAsync(Market1, "1001");
        var at0810 = await dispatcher.DispatchDueAsync(default);
        h.Clock.Advance(Duration.FromMinutes(50));
        var at0900 = await dispatcher.DispatchDueAsync(default);
        h.Clock.Advance(Duration.FromMinutes(5));
        await h.FailAsync(Market1, "1002");
        await h.FailAsync(Market1, "1003");
        var at0905 = await dispatcher.DispatchDueAsync(default);
        h.Clock.Advance(Duration.FromMinutes(54));
        var at0959 = await dispatcher.DispatchDueAsync(default);
        h.Clock.Advance(Duration.FromMinutes(1));
        var at1000 = await dispatcher.DispatchDueAsync(default);

        Assert.Empty(at0810.Delivered);
        Assert.Equal(SyncHarness.Start + Duration.FromHours(1), at0810.NextDueAt);
        Assert.Equal(["1001"], Assert.Single(at0900.Delivered).Incidents.Select(i => i.Record.RecordKey));
        Assert.Equal(SyncHarness.Start + Duration.FromHours(2), at0900.NextDueAt);
        Assert.Empty(at0905.Delivered);
        Assert.Empty(at0959.Delivered);
        Assert.Equal(["1002", "1003"], Assert.Single(at1000.Delivered).Incidents.Select(i => i.Record.RecordKey));
    }

    [Fact]
    public async Task Dispatch_DailyDigest_DeliversOnceADayAtTheDigestTimeInItsZone()
    {
        await using var h = new SyncHarness();
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        await h.Subscriptions().SubscribeAsync(
            Subscription("daily", AlertFrequency.DailyDigest, AlertSeverity.Warning, AlertSeverity.Error) with
            {
                Connections = new HashSet<ConnectionId> { Market1 },
                DigestTime = new LocalTime(7, 0),
                DigestTimeZone = berlin,
            },
            default);
        var dispatcher = h.Dispatcher();
        var firstDigest = Instant.FromUtc(2026, 11, 24, 6, 0);

        h.Clock.Advance(Duration.FromMinutes(30));
        await h.FailAsync(Market1, "1001");
        h.Clock.Advance(Duration.FromHours(7));
        await h.WarnAsync(Market1, "1002");
        var sameDay = await dispatcher.DispatchDueAsync(default);
        h.Clock.Reset(firstDigest - Duration.FromMinutes(1));
        var justBefore = await dispatcher.DispatchDueAsync(default);
        h.Clock.Reset(firstDigest);
        var digest = await dispatcher.DispatchDueAsync(default);
        h.Clock.Advance(Duration.FromMinutes(30));
        await h.FailAsync(Market1, "1003");
        h.Clock.Advance(Duration.FromHours(6));
        var laterThatDay = await dispatcher.DispatchDueAsync(default);
        h.Clock.Reset(firstDigest + Duration.FromDays(1));
        var nextDigest = await dispatcher.DispatchDueAsync(default);

        Assert.Empty(sameDay.Delivered);
        Assert.Equal(firstDigest, sameDay.NextDueAt);
        Assert.Empty(justBefore.Delivered);
        Assert.Equal(["1001", "1002"], Assert.Single(digest.Delivered).Incidents.Select(i => i.Record.RecordKey));
        Assert.Equal(firstDigest + Duration.FromDays(1), digest.NextDueAt);
        Assert.Empty(laterThatDay.Delivered);
        Assert.Equal(["1003"], Assert.Single(nextDigest.Delivered).Incidents.Select(i => i.Record.RecordKey));
    }

    [Fact]
    public async Task Dispatch_SinkFailsThenSucceeds_DeliversExactlyOnce()
    {
        var sink = new FlakyAlertSink { FailWhen = _ => true };
        await using var h = WithSink(sink);
        await h.Subscriptions().SubscribeAsync(Subscription("s1") with { Connections = new HashSet<ConnectionId> { Market1 } }, default);
        await h.FailAsync(Market1, "1001");
        h.Clock.Advance(Duration.FromMinutes(10));

        var failed = await h.Dispatcher().DispatchDueAsync(default);
        sink.FailWhen = _ => false;

        // Well past the look-back window: the undelivered incident must still be found.
        h.Clock.Advance(Duration.FromHours(1));
        var retried = await h.Dispatcher().DispatchDueAsync(default);
        var again = await h.Dispatcher().DispatchDueAsync(default);

        var failure = Assert.Single(failed.Failures);
        Assert.Equal(("s1", Market1, 1), (failure.SubscriptionId, failure.Connection, failure.Incidents));
        Assert.Contains("SMTP server not reachable", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(failed.Delivered);
        Assert.Single(retried.Delivered);
        Assert.Empty(again.Delivered);
        Assert.Equal("1001", Assert.Single(Assert.Single(sink.Inner.Delivered).Incidents).Record.RecordKey);
    }

    [Fact]
    public async Task Dispatch_SinkFailsForOneConnection_OnlyThatOneIsDeliveredAgain()
    {
        var sink = new FlakyAlertSink { FailWhen = n => n.Connection == Market2 };
        await using var h = WithSink(sink);
        await h.Subscriptions().SubscribeAsync(Subscription("s1") with { Connections = new HashSet<ConnectionId> { Market1, Market2 } }, default);
        await h.FailAsync(Market1, "1001");
        await h.FailAsync(Market2, "2001");

        var first = await h.Dispatcher().DispatchDueAsync(default);
        sink.FailWhen = _ => false;
        var second = await h.Dispatcher().DispatchDueAsync(default);

        Assert.Equal(Market1, Assert.Single(first.Delivered).Connection);
        Assert.Equal(Market2, Assert.Single(second.Delivered).Connection);
        Assert.Equal([Market1, Market2], sink.Inner.Delivered.Select(n => n.Connection));
    }

    [Fact]
    public async Task Dispatch_HourlySinkFails_StaysDueAndRetriesAtTheNextCall()
    {
        var sink = new FlakyAlertSink { FailWhen = _ => true };
        await using var h = WithSink(sink);
        await h.Subscriptions().SubscribeAsync(Subscription("hourly", AlertFrequency.Hourly) with { Connections = new HashSet<ConnectionId> { Market1 } }, default);
        await h.FailAsync(Market1, "1001");
        h.Clock.Advance(Duration.FromHours(1));

        await h.Dispatcher().DispatchDueAsync(default);
        sink.FailWhen = _ => false;
        h.Clock.Advance(Duration.FromMinutes(1));
        var retried = await h.Dispatcher().DispatchDueAsync(default);

        Assert.Single(retried.Delivered);
        Assert.Equal(SyncHarness.Start + Duration.FromHours(2), retried.NextDueAt);
    }

    [Fact]
    public async Task Dispatch_AnotherWorkerDispatchesTheSubscription_DeliversNothingUntilItIsDone()
    {
        await using var h = new SyncHarness();
        await h.Subscriptions().SubscribeAsync(Subscription("s1") with { Connections = new HashSet<ConnectionId> { Market1 } }, default);
        await h.FailAsync(Market1, "1001");
        var leases = h.Get<IWorkLeaseStore>();
        var other = await leases.TryAcquireAsync("alert-subscription:s1", "other-worker", h.Clock.GetCurrentInstant(), Duration.FromMinutes(10), default);

        var whileHeld = await h.Dispatcher().DispatchDueAsync(default);
        await leases.ReleaseAsync(other!, default);
        var afterwards = await h.Dispatcher().DispatchDueAsync(default);

        Assert.Empty(whileHeld.Delivered);
        Assert.Empty(whileHeld.Failures);
        Assert.Single(afterwards.Delivered);
    }

    [Fact]
    public async Task Dispatch_IncidentBeforeTheSubscription_IsNotReported()
    {
        await using var h = new SyncHarness();
        await h.FailAsync(Market1, "1001");
        h.Clock.Advance(Duration.FromMinutes(1));
        await h.Subscriptions().SubscribeAsync(Subscription("s1") with { Connections = new HashSet<ConnectionId> { Market1 } }, default);

        var result = await h.Dispatcher().DispatchDueAsync(default);

        Assert.Empty(result.Delivered);
    }

    [Fact]
    public async Task Dispatch_RecordRecoveredBeforeTheDigest_IsNotReported()
    {
        await using var h = new SyncHarness();
        await h.Subscriptions().SubscribeAsync(Subscription("hourly", AlertFrequency.Hourly) with { Connections = new HashSet<ConnectionId> { Market1 } }, default);
        await h.FailAsync(Market1, "1001");
        await h.FailAsync(Market1, "1002");
        h.Clock.Advance(Duration.FromMinutes(20));
        await h.SucceedAsync(Market1, "1001");
        h.Clock.Advance(Duration.FromMinutes(40));

        var result = await h.Dispatcher().DispatchDueAsync(default);

        Assert.Equal(["1002"], Assert.Single(result.Delivered).Incidents.Select(i => i.Record.RecordKey));
    }

    [Fact]
    public async Task Dispatch_Unsubscribed_DeliversNothing()
    {
        await using var h = new SyncHarness();
        await h.Subscriptions().SubscribeAsync(Subscription("s1") with { Connections = new HashSet<ConnectionId> { Market1 } }, default);
        await h.FailAsync(Market1, "1001");

        var removed = await h.Subscriptions().UnsubscribeAsync("s1", default);
        var result = await h.Dispatcher().DispatchDueAsync(default);

        Assert.True(removed);
        Assert.Empty(result.Delivered);
    }

    [Fact]
    public async Task Dispatch_MessageQuotesASecret_TheNotificationDoesNot()
    {
        await using var h = new SyncHarness();
        await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        await h.Subscriptions().SubscribeAsync(Subscription("s1"), default);
        await h.FailAsync(Market1, "1001", "401 for token " + TestMarketplace.Token);

        await h.Dispatcher().DispatchDueAsync(default);

        var alert = Assert.Single(h.Alerts.Delivered);
        Assert.DoesNotContain(TestMarketplace.Token, alert.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestMarketplace.Token, Assert.Single(alert.Incidents).Message, StringComparison.Ordinal);
        Assert.Contains("401 for token", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_ManyIncidents_TheBodyListsTheFirstFiftyAndCountsTheRest()
    {
        await using var h = new SyncHarness();
        await h.Subscriptions().SubscribeAsync(Subscription("s1") with { Connections = new HashSet<ConnectionId> { Market1 } }, default);
        for (var i = 0; i < 60; i++)
        {
            await h.FailAsync(Market1, $"{1000 + i}");
        }

        await h.Dispatcher().DispatchDueAsync(default);

        var alert = Assert.Single(h.Alerts.Delivered);
        Assert.Equal("60 orders failed to import on market-1", alert.Subject);
        Assert.Equal(60, alert.Incidents.Count);
        Assert.Equal(50, alert.Body.Split('\n').Count(l => l.StartsWith("- Failed", StringComparison.Ordinal)));
        Assert.Contains("... and 10 more", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_StatusExportFails_RaisesAnErrorAlert()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        await h.Subscriptions().SubscribeAsync(Subscription("s1"), default);
        h.Market.OnExport = u => RecordResult.Failure(u.OrderNumber, "tracking number already used");
        await h.Get<OrderStatusExport>().NotifyOrderChangedAsync(connection, StatusUpdates.Shipped("1001", StatusUpdates.Parcel("S1", "TRK-1")), default);
        await h.Engine.RunDueAsync(default);

        await h.Dispatcher().DispatchDueAsync(default);

        var alert = Assert.Single(h.Alerts.Delivered);
        Assert.Equal("1 order status failed to export on market-1", alert.Subject);
        Assert.Contains("tracking number already used", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_SameIncidentsTwiceInARow_HaveTheSameDeliveryKeyOnlyForTheSameIncidents()
    {
        var sink = new FlakyAlertSink();
        var keys = new List<string?>();
        sink.FailWhen = n =>
        {
            keys.Add(n.DeliveryKey);
            return keys.Count == 1;
        };
        await using var h = WithSink(sink);
        await h.Subscriptions().SubscribeAsync(Subscription("s1") with { Connections = new HashSet<ConnectionId> { Market1 } }, default);
        await h.FailAsync(Market1, "1001");

        await h.Dispatcher().DispatchDueAsync(default);
        await h.Dispatcher().DispatchDueAsync(default);
        await h.FailAsync(Market1, "1002");
        await h.Dispatcher().DispatchDueAsync(default);

        Assert.Equal(3, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[1], keys[2]);
    }
}
