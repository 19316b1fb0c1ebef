using System.Text.Json.Nodes;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Journal;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Orders;
using Connect.Sdk.Mirakl.Tests.TestSupport;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Mirakl;
using Connect.Sdk.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Mirakl.Tests.Orders;

/// <summary>The order import through OR11 against the fake: states and fields Mirakl or an operator added, and the debit step.</summary>
public sealed class MiraklOrdersFeatureTests
{
    [Theory]
    [InlineData("manual")]
    [InlineData("automatic")]
    public async Task OrderImport_UnknownStateAndOperatorFields_ImportedWithTheStateKept(string acceptance)
    {
        await using var shop = await MiraklTestShop.StartAsync(acceptance);
        var (host, fake, connection) = shop;
        fake.SeedOrder(MiraklOrders.Mug("9001-A", host.Clock.GetCurrentInstant() - Duration.FromMinutes(3)));
        fake.ChangeOrder("9001-A", json =>
        {
            json["order_state"] = "AWAITING_CUSTOMS_CLEARANCE";
            json["operator_risk"] = new JsonObject { ["score"] = 12 };
            // OR11's custom fields (`order_additional_fields`, code and type) with a type Mirakl may add later.
            json["order_additional_fields"] = new JsonArray(new JsonObject { ["code"] = "gift-wrap", ["type"] = "HOLOGRAM", ["value"] = new JsonArray(1, 2) });
            json["order_lines"]![0]!["warehouse_slot"] = new JsonArray("B-12", "B-13");
            json["order_lines"]![0]!["order_line_state"] = "AWAITING_CUSTOMS_CLEARANCE";
        });

        await host.RunForAsync(Duration.FromMinutes(20));

        var handed = Assert.Single(host.Orders.Orders);
        Assert.Equal(new OrderStatus("awaiting_customs_clearance"), handed.Order.Status);
        Assert.Equal(2, Assert.Single(handed.Order.Lines).Quantity);
        Assert.Equal(JournalStatus.Succeeded, Assert.Single(await host.JournalEntriesAsync(connection, RecordKind.Order)).Status);
        Assert.DoesNotContain(fake.Requests, r => r.Operation == "orders.accept");
    }

    [Fact]
    public async Task OrderImport_AcceptedButDebitPending_HandedOverOnlyOnceShipping()
    {
        await using var shop = await MiraklTestShop.StartAsync("automatic");
        var (host, fake, _) = shop;
        fake.AcceptedOrdersWaitForDebit = true;
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug("9002-A", host.Clock.GetCurrentInstant() - Duration.FromMinutes(3)));

        await host.RunForAsync(Duration.FromMinutes(20));
        var stateBeforeDebit = fake.StateOf("9002-A");
        var erpBeforeDebit = host.Orders.Orders.Count;
        fake.Debit("9002-A");
        await host.RunForAsync(Duration.FromMinutes(20));

        Assert.Equal("WAITING_DEBIT_PAYMENT", stateBeforeDebit);
        Assert.Equal(0, erpBeforeDebit);
        Assert.Equal("9002-A", Assert.Single(host.Orders.Orders).Order.OrderNumber);
    }

    [Fact]
    public async Task ImportOrders_ByNumberAcceptedButDebitPending_AWarningThatItWaitsForThePayment()
    {
        await using var shop = await MiraklTestShop.StartAsync();
        var (host, fake, connection) = shop;
        fake.AcceptedOrdersWaitForDebit = true;
        fake.SeedOrderAwaitingAcceptance(MiraklOrders.Mug("9003-A", host.Clock.GetCurrentInstant() - Duration.FromDays(3)));

        await host.OrderImport.ImportOrdersAsync(connection, "9003-A", CancellationToken.None);
        await host.RunDueAsync();

        var entry = Assert.Single(await host.JournalEntriesAsync(connection, RecordKind.Order));
        Assert.Equal("WAITING_DEBIT_PAYMENT", fake.StateOf("9003-A"));
        Assert.Equal(JournalStatus.Warning, entry.Status);
        Assert.Equal("order 9003-A is not handed to the ERP yet: Mirakl order state WAITING_DEBIT_PAYMENT: the buyer's payment is not through yet; the order is imported once Mirakl moves it to SHIPPING", entry.Message);
        Assert.Empty(host.Orders.Orders);
    }

    [Fact]
    public async Task OrderImport_MoreThanOnePage_EveryOrderOnceAndPagedByOffset()
    {
        await using var shop = await MiraklTestShop.StartAsync();
        var (host, fake, _) = shop;
        for (var i = 0; i < 130; i++)
        {
            fake.SeedOrder(MiraklOrders.Mug($"M{i:D3}-A", host.Clock.GetCurrentInstant() - Duration.FromMinutes(30) + Duration.FromSeconds(i)));
        }

        await host.RunForAsync(Duration.FromMinutes(20));

        Assert.Equal(130, host.Orders.Orders.Select(o => o.Order.OrderNumber).Distinct().Count());
        Assert.Contains(fake.Requests, r => r.Operation == "orders.list" && r.PathAndQuery.Contains("offset=100&max=100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrderImport_RunDiesAfterAPageHoldingARecentChange_NextRunImportsTheOlderChangeOnTheNextPage()
    {
        using var crash = new CancellationTokenSource();
        var secondPage = new CrashBeforeHandler($"offset={MiraklOrdersFeature.PageSize}&", crash);
        await using var shop = await MiraklTestShop.StartAsync(configure: sdk => sdk.Services.AddHttpClient(MiraklClient.ClientName).AddHttpMessageHandler(() => secondPage));
        var (host, fake, _) = shop;
        var now = host.Clock.GetCurrentInstant();
        for (var i = 0; i < MiraklOrdersFeature.PageSize; i++)
        {
            fake.SeedOrder(MiraklOrders.Mug($"P{i:D3}-A", now - Duration.FromHours(5) + Duration.FromSeconds(i)));
        }

        // Created last, so on the second page as OR11 sorts by creation date; changed hours before the first page's newest change.
        fake.SeedOrder(MiraklOrders.Mug("LATE-A", now - Duration.FromHours(3)));
        fake.ChangeOrder("P000-A", json => json["shipping_tracking"] = null);
        secondPage.Armed = true;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.RunDueAsync(crash.Token));
        var erpAfterCrash = host.Orders.Orders.Select(o => o.Order.OrderNumber).ToList();
        secondPage.Armed = false;
        await host.RunForAsync(Duration.FromMinutes(30));

        Assert.Equal(MiraklOrdersFeature.PageSize, erpAfterCrash.Count);
        Assert.DoesNotContain("LATE-A", erpAfterCrash);
        Assert.Single(host.Orders.Orders, o => o.Order.OrderNumber == "LATE-A");
        Assert.Equal(MiraklOrdersFeature.PageSize + 1, host.Orders.Orders.Count);
    }

    [Fact]
    public async Task OrderImport_OrderChangesOnAReadPageWhileALaterPageHoldsANewerChange_NextRunImportsIt()
    {
        Action change = () => { };
        var secondPage = new ChangeBeforeHandler($"offset={MiraklOrdersFeature.PageSize}&", () => change());
        await using var shop = await MiraklTestShop.StartAsync(configure: sdk => sdk.Services.AddHttpClient(MiraklClient.ClientName).AddHttpMessageHandler(() => secondPage), options: o => o.OrderImportOverlap = Duration.Zero);
        var (host, fake, _) = shop;
        var now = host.Clock.GetCurrentInstant();
        for (var i = 0; i < MiraklOrdersFeature.PageSize; i++)
        {
            fake.SeedOrder(MiraklOrders.Mug($"Q{i:D3}-A", now - Duration.FromHours(5) + Duration.FromSeconds(i)));
        }

        // On the first page, as OR11 sorts by creation date, and not for the ERP yet while that page is read.
        fake.ChangeOrder("Q000-A", json => json["order_state"] = "WAITING_DEBIT_PAYMENT");
        fake.SeedOrder(MiraklOrders.Mug("LATE-A", now - Duration.FromHours(3)));
        change = () =>
        {
            // After the first page was read: Q000-A is debited, then LATE-A on the second page changes later still (with
            // no overlap, which the next run would read again and so hide the cursor's place).
            host.Clock.Advance(Duration.FromSeconds(5));
            fake.ChangeOrder("Q000-A", json => json["order_state"] = "SHIPPING");
            host.Clock.Advance(Duration.FromSeconds(5));
            fake.ChangeOrder("LATE-A", json => json["shipping_tracking"] = null);
        };
        secondPage.Armed = true;

        var firstRun = Assert.Single(await host.RunDueAsync(), r => r.Item.Kind == WorkKind.OrderImport);
        var erpAfterFirstRun = host.Orders.Orders.Select(o => o.Order.OrderNumber).ToList();
        await host.RunForAsync(Duration.FromMinutes(30));

        Assert.Equal(WorkRunOutcome.Completed, firstRun.Outcome);
        Assert.DoesNotContain("Q000-A", erpAfterFirstRun);
        Assert.Contains("LATE-A", erpAfterFirstRun);
        Assert.Single(host.Orders.Orders, o => o.Order.OrderNumber == "Q000-A");
    }
}
