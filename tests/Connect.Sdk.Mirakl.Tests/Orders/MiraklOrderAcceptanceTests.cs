using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Journal;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Tests.TestSupport;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Mirakl;
using Connect.Sdk.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Mirakl.Tests.Orders;

/// <summary>
/// The must-shows: with automatic acceptance an order goes waiting → accepted → handed to the ERP once, also
/// when the run dies between acceptance and hand-over; with manual acceptance it waits, visible in the journal, until
/// the user accepts it.
/// </summary>
public sealed class MiraklOrderAcceptanceTests
{
    private const string OrderId = "7001-A";

    [Fact]
    public async Task OrderImport_AutomaticAcceptanceAndStockEnough_AcceptsAndHandsOverOnce()
    {
        await using var shop = await MiraklTestShop.StartAsync("automatic", onHand: 5);
        var (host, fake, connection) = shop;
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug(OrderId, host.Clock.GetCurrentInstant() - Duration.FromMinutes(3)));

        await host.RunForAsync(Duration.FromMinutes(30));
        await host.RunForAsync(Duration.FromMinutes(30));

        Assert.Equal("SHIPPING", fake.StateOf(OrderId));
        Assert.Equal(OrderId, Assert.Single(host.Orders.Orders).Order.OrderNumber);
        Assert.Single(fake.Requests, r => r.Operation == "orders.accept");
        Assert.Equal(JournalStatus.Succeeded, (await OrderEntryAsync(host, connection)).Status);
    }

    [Fact]
    public async Task OrderImport_AutomaticAcceptanceButStockShort_WaitsAndAcceptsNothing()
    {
        await using var shop = await MiraklTestShop.StartAsync("automatic", onHand: 1);
        var (host, fake, connection) = shop;
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug(OrderId, host.Clock.GetCurrentInstant() - Duration.FromMinutes(3)));

        await host.RunForAsync(Duration.FromMinutes(30));

        var entry = await OrderEntryAsync(host, connection);
        Assert.Equal("WAITING_ACCEPTANCE", fake.StateOf(OrderId));
        Assert.Empty(host.Orders.Orders);
        Assert.DoesNotContain(fake.Requests, r => r.Operation == "orders.accept");
        Assert.Equal(JournalStatus.Warning, entry.Status);
        Assert.Contains("waiting for acceptance", entry.Message, StringComparison.Ordinal);
        Assert.Contains("the ERP has 1 of article 4711 free, the order needs 2", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderImport_AutomaticAcceptanceAndStockArrivesLater_AcceptedOnALaterRunThoughTheOrderDidNotChange()
    {
        await using var shop = await MiraklTestShop.StartAsync("automatic", onHand: 1);
        var (host, fake, connection) = shop;
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug(OrderId, host.Clock.GetCurrentInstant() - Duration.FromHours(3)));
        fake.SeedOrder(MiraklOrders.Mug("7002-A", host.Clock.GetCurrentInstant() - Duration.FromMinutes(1), quantity: 1));

        await host.RunForAsync(Duration.FromMinutes(20));
        var stateWhileShort = fake.StateOf(OrderId);
        host.Stock.Set("4711", 10);
        await host.RunForAsync(Duration.FromMinutes(30));

        Assert.Equal("WAITING_ACCEPTANCE", stateWhileShort);
        Assert.Equal("SHIPPING", fake.StateOf(OrderId));
        Assert.Single(host.Orders.Orders, o => o.Order.OrderNumber == OrderId);
        Assert.Equal(JournalStatus.Succeeded, (await OrderEntryAsync(host, connection)).Status);
    }

    [Fact]
    public async Task OrderImport_AutomaticAcceptanceThreeOrdersOfTwoAgainstFreeStockOfFive_AcceptsTwoAndTheThirdWaits()
    {
        await using var shop = await MiraklTestShop.StartAsync("automatic", onHand: 5);
        var (host, fake, connection) = shop;
        var placed = host.Clock.GetCurrentInstant() - Duration.FromMinutes(3);
        foreach (var id in new[] { "7101-A", "7102-A", "7103-A" })
        {
            fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug(id, placed, quantity: 2));
        }

        await host.RunDueAsync();

        var third = Assert.Single(await host.JournalEntriesAsync(connection, RecordKind.Order), e => e.Key.RecordKey == "7103-A");
        Assert.Equal("SHIPPING SHIPPING WAITING_ACCEPTANCE", string.Join(' ', fake.StateOf("7101-A"), fake.StateOf("7102-A"), fake.StateOf("7103-A")));
        Assert.Equal(2, fake.Requests.Count(r => r.Operation == "orders.accept"));
        Assert.DoesNotContain(host.Orders.Orders, o => o.Order.OrderNumber == "7103-A");
        Assert.Contains("the ERP has 5 of article 4711 free, 4 of it taken by orders accepted on Mirakl and not in the ERP yet, the order needs 2", third.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderImport_AutomaticAcceptanceMoreWaitingOrdersThanTwoPages_AllAcceptedHandedOverOnceAndTheRunCompletes()
    {
        await using var shop = await MiraklTestShop.StartAsync("automatic", onHand: 1000);
        var (host, fake, _) = shop;
        var placed = host.Clock.GetCurrentInstant() - Duration.FromHours(1);
        for (var i = 0; i < 250; i++)
        {
            fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug($"W{i:D3}-A", placed + Duration.FromSeconds(i)));
        }

        var runs = await host.RunDueAsync();

        var orderRun = Assert.Single(runs, r => r.Item.Kind == WorkKind.OrderImport);
        Assert.Equal(WorkRunOutcome.Completed, orderRun.Outcome);
        Assert.Equal(250, fake.Requests.Count(r => r.Operation == "orders.accept"));
        Assert.All(fake.Orders(), o => Assert.Equal("SHIPPING", (string?)o["order_state"]));
        Assert.Equal(250, host.Orders.Orders.Count);
        Assert.Equal(250, host.Orders.Orders.Select(o => o.Order.OrderNumber).Distinct().Count());
    }

    [Fact]
    public async Task OrderImport_OrderAcceptedInAnEarlierRunStillAwaitsDebit_NextWaitingOrderJudgedAgainstStockLessIt()
    {
        await using var shop = await MiraklTestShop.StartAsync("automatic", onHand: 5);
        var (host, fake, connection) = shop;
        fake.AcceptedOrdersWaitForDebit = true;
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug("7201-A", host.Clock.GetCurrentInstant() - Duration.FromMinutes(3), quantity: 2));

        await host.RunForAsync(Duration.FromMinutes(20));
        var firstAfterItsRun = fake.StateOf("7201-A");
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug("7202-A", host.Clock.GetCurrentInstant() - Duration.FromMinutes(1), quantity: 4));
        await host.RunForAsync(Duration.FromMinutes(20));

        Assert.Equal("WAITING_DEBIT_PAYMENT", firstAfterItsRun);
        Assert.Equal("WAITING_ACCEPTANCE", fake.StateOf("7202-A"));
        var second = Assert.Single(await host.JournalEntriesAsync(connection, RecordKind.Order), e => e.Key.RecordKey == "7202-A");
        Assert.Single(fake.Requests, r => r.Operation == "orders.accept");
        Assert.Equal(JournalStatus.Warning, second.Status);
        Assert.Contains("the ERP has 5 of article 4711 free, 2 of it taken by orders accepted on Mirakl and not in the ERP yet, the order needs 4", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderImport_AutomaticAcceptanceWaitingOrderChangedSinceTheCursor_JudgedAndJournaledOncePerRun()
    {
        await using var shop = await MiraklTestShop.StartAsync("automatic", onHand: 1);
        var (host, fake, connection) = shop;
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug(OrderId, host.Clock.GetCurrentInstant() - Duration.FromMinutes(3)));

        var runs = await host.RunDueAsync();

        var entry = await OrderEntryAsync(host, connection);
        var orderRun = Assert.Single(runs, r => r.Item.Kind == WorkKind.OrderImport);
        Assert.Equal(1, orderRun.Summary.Warnings);
        Assert.Single(entry.History, h => h.To == JournalStatus.Warning);
    }

    [Fact]
    public async Task OrderImport_AcceptanceAnswered500_OrderWaitsAndTheNextRunAcceptsIt()
    {
        await using var shop = await MiraklTestShop.StartAsync("automatic", onHand: 5);
        var (host, fake, connection) = shop;
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug(OrderId, host.Clock.GetCurrentInstant() - Duration.FromHours(3)));
        fake.SeedOrder(MiraklOrders.Mug("7002-A", host.Clock.GetCurrentInstant() - Duration.FromMinutes(1), quantity: 1));
        fake.Faults.Next(Connect.Sdk.Testing.Faults.FaultKind.ServerError, operation: "orders.accept");

        await host.RunForAsync(Duration.FromMinutes(30));

        var entry = await OrderEntryAsync(host, connection);
        Assert.Contains(entry.History, c => c.Message?.Contains("Mirakl answered the acceptance with 500", StringComparison.Ordinal) == true);
        Assert.Equal(2, fake.Requests.Count(r => r.Operation == "orders.accept"));
        Assert.Single(host.Orders.Orders, o => o.Order.OrderNumber == "7002-A");
        Assert.Single(host.Orders.Orders, o => o.Order.OrderNumber == OrderId);
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
    }

    [Fact]
    public async Task OrderImport_RunDiesAfterAcceptanceBeforeHandOver_NextRunHandsOverOnce()
    {
        using var crash = new CancellationTokenSource();
        await using var shop = await MiraklTestShop.StartAsync("automatic", onHand: 5, sdk => sdk.Services.AddHttpClient(MiraklClient.ClientName).AddHttpMessageHandler(() => new CrashAfterHandler("orders.accept", crash)));
        var (host, fake, connection) = shop;
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug(OrderId, host.Clock.GetCurrentInstant() - Duration.FromMinutes(3)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.RunDueAsync(crash.Token));
        var erpAfterCrash = host.Orders.Orders.Count;
        var stateAfterCrash = fake.StateOf(OrderId);
        await host.RunForAsync(Duration.FromHours(1));
        await host.RunForAsync(Duration.FromHours(1));

        Assert.Equal(0, erpAfterCrash);
        Assert.Equal("SHIPPING", stateAfterCrash);
        Assert.Equal(OrderId, Assert.Single(host.Orders.Orders).Order.OrderNumber);
        Assert.Single(fake.Requests, r => r.Operation == "orders.accept");
        Assert.Equal(JournalStatus.Succeeded, (await OrderEntryAsync(host, connection)).Status);
    }

    [Fact]
    public async Task OrderImport_ManualAcceptance_WaitsInTheJournalUntilTheUserRetries()
    {
        await using var shop = await MiraklTestShop.StartAsync("manual", onHand: 5);
        var (host, fake, connection) = shop;
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug(OrderId, host.Clock.GetCurrentInstant() - Duration.FromMinutes(3)));

        var whileWaiting = await host.RunForAsync(Duration.FromHours(2));
        var waiting = await OrderEntryAsync(host, connection);
        var erpWhileWaiting = host.Orders.Orders.Count;
        var stateWhileWaiting = fake.StateOf(OrderId);
        await host.OrderImport.RetryAsync(connection, JournalSelection.Of(OrderId), CancellationToken.None);
        await host.RunForAsync(Duration.FromMinutes(30));
        await host.RunForAsync(Duration.FromMinutes(30));

        Assert.Equal(JournalStatus.Warning, waiting.Status);
        Assert.StartsWith($"order {OrderId} is not handed to the ERP yet: waiting for acceptance on Mirakl: this connection accepts orders by hand (setting acceptance: manual)", waiting.Message, StringComparison.Ordinal);
        Assert.Single(waiting.History, h => h.To == JournalStatus.Warning);
        Assert.DoesNotContain(waiting.History, h => h.To == JournalStatus.Failed);
        var orderRuns = whileWaiting.Where(r => r.Item.Kind == WorkKind.OrderImport).ToList();
        Assert.NotEmpty(orderRuns);
        Assert.All(orderRuns, r => Assert.Equal(0, r.Summary.Failed));
        Assert.Contains(orderRuns, r => r.Summary.Warnings == 1);
        Assert.Equal(0, erpWhileWaiting);
        Assert.Equal("WAITING_ACCEPTANCE", stateWhileWaiting);
        Assert.Equal("SHIPPING", fake.StateOf(OrderId));
        Assert.Equal(OrderId, Assert.Single(host.Orders.Orders).Order.OrderNumber);
        Assert.Equal(JournalStatus.Succeeded, (await OrderEntryAsync(host, connection)).Status);
    }

    [Fact]
    public async Task ImportOrders_ByNumberWhileMiraklRefusesTheAcceptance_AWarningThatTheOrderWaitsNotAFailure()
    {
        await using var shop = await MiraklTestShop.StartAsync("manual", onHand: 5);
        var (host, fake, connection) = shop;
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug(OrderId, host.Clock.GetCurrentInstant() - Duration.FromDays(3)));
        fake.Faults.Next(Connect.Sdk.Testing.Faults.FaultKind.ServerError, operation: "orders.accept");

        await host.OrderImport.ImportOrdersAsync(connection, OrderId, CancellationToken.None);
        var runs = await host.RunDueAsync();

        var entry = await OrderEntryAsync(host, connection);
        Assert.Equal(JournalStatus.Warning, entry.Status);
        Assert.StartsWith($"order {OrderId} is not handed to the ERP yet: waiting for acceptance on Mirakl: Mirakl answered the acceptance with 500", entry.Message, StringComparison.Ordinal);
        var orderRuns = runs.Where(r => r.Item.Kind == WorkKind.OrderImport).ToList();
        Assert.Equal((0, 1), (orderRuns.Sum(r => r.Summary.Failed), orderRuns.Sum(r => r.Summary.Warnings)));
        Assert.Empty(host.Orders.Orders);
        Assert.Equal("WAITING_ACCEPTANCE", fake.StateOf(OrderId));
    }

    private static async Task<JournalEntry> OrderEntryAsync(ConnectTestHost host, ConnectionId connection) =>
        Assert.Single(await host.JournalEntriesAsync(connection, RecordKind.Order), e => e.Key.RecordKey == OrderId);
}
