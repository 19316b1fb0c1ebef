using Connect.Sdk.Alerts;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Settings;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.TestSupport;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Connect.Sdk.WooCommerce.Tests.TestSupport.WooTestShop;

namespace Connect.Sdk.WooCommerce.Tests.Faults;

/// <summary>
/// The connector under the fake's faults, through the SDK: the journal tells the truth about every record, and nothing
/// is lost or written twice — every order arrives once, every stock level ends right, no tracking note is duplicated.
/// </summary>
public sealed class WooCommerceFaultTests
{
    private static readonly Duration Recovery = Duration.FromHours(2);

    [Fact]
    public async Task OrderImport_TooManyRequestsWithRetryAfter_WaitsAndImportsEveryOrderOnce()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        var numbers = new[] { shop.SeedOrder(10001, 30), shop.SeedOrder(10002, 20), shop.SeedOrder(10003, 10) }.Select(o => o.OrderNumber).ToArray();
        shop.Fake.Faults.Next(FaultKind.TooManyRequests, times: 2, operation: "orders.list");

        await shop.Host.RunDueAsync();

        Assert.Equal(numbers.ToDictionary(n => n, _ => 1), shop.Received());
        Assert.Equal(2, shop.Time.Skipped.Count(w => w == TimeSpan.FromSeconds(1)));
        Assert.Equal([429, 429, 200], shop.Fake.Requests.Where(r => r.Operation == "orders.list").Take(3).Select(r => r.StatusCode));
        foreach (var number in numbers)
        {
            Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.Order, number)).Status);
        }
    }

    [Fact]
    public async Task StockPush_TooManyRequestsOnTheBatch_WaitsAndEveryLevelIsRight()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Stock]);
        await shop.MapArticleAsync(1, 3, 7);
        await shop.MapArticleAsync(2, 3, 0);
        shop.Fake.Faults.Next(FaultKind.TooManyRequests, operation: "products.batch");

        await shop.Host.RunDueAsync();

        Assert.Equal(7, shop.Fake.StockOf(Sku(1)));
        Assert.Equal(0, shop.Fake.StockOf(Sku(2)));
        Assert.Contains(TimeSpan.FromSeconds(1), shop.Time.Skipped);
        Assert.Equal([429, 200], shop.Fake.Requests.Where(r => r.Operation == "products.batch").Take(2).Select(r => r.StatusCode));
        Assert.Contains(AdapterTestLog.Lines, l => l.Contains("WooCommerce products.batch answered 200 (connection woo-1)", StringComparison.Ordinal));
        Assert.DoesNotContain(await HistoryAsync(shop, Article(1)), c => c.To == JournalStatus.Failed);
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.ArticleStock, Article(1))).Status);
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.ArticleStock, Article(2))).Status);
    }

    [Fact]
    public async Task OrderImport_HtmlErrorPageForSixHours_OneFailedConnectionEntryAndOneAlert_ThenItHeals()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        var number = shop.SeedOrder(10001, 30).OrderNumber;
        await shop.Host.Get<AlertSubscriptions>().SubscribeAsync(new AlertSubscription { Id = "all-errors", Name = "All errors" }, CancellationToken.None);
        var dispatcher = shop.Host.Get<AlertDispatcher>();
        shop.Fake.Faults.Next(FaultKind.MalformedJson, times: 25, operation: "orders.list");

        var delivered = new List<AlertNotification>();
        for (var quarter = 0; quarter < 24; quarter++)
        {
            await shop.Host.RunForAsync(Duration.FromMinutes(15));
            delivered.AddRange((await dispatcher.DispatchDueAsync(CancellationToken.None)).Delivered);
        }

        var alert = Assert.Single(delivered);
        Assert.Equal("1 run broke off on woo-1", alert.Subject);
        Assert.Contains("WooCommerce answered the order list with a body that is not the documented JSON", alert.Body, StringComparison.Ordinal);
        Assert.Contains("(\"Error establishing a database connection\")", alert.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", alert.Body, StringComparison.OrdinalIgnoreCase);
        var key = new JournalKey(shop.Connection, RecordKind.Connection, nameof(WorkKind.OrderImport));
        Assert.Equal(JournalStatus.Failed, (await shop.Host.Journal.GetAsync(key, CancellationToken.None))!.Status);

        await shop.Host.RunForAsync(Duration.FromHours(1));

        var healed = (await shop.Host.Journal.GetAsync(key, CancellationToken.None))!;
        Assert.Equal(JournalStatus.Succeeded, healed.Status);
        Assert.Equal("The order import ran again after 25 failed run(s).", healed.Message);
        Assert.Equal(new Dictionary<string, int> { [number] = 1 }, shop.Received());
    }

    [Fact]
    public async Task StockSync_CredentialsRefusedForTwelveRuns_PausedWithOneAlertAndOneCall_ThenThePassedCheckResumesIt()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Stock]);
        for (var i = 1; i <= 500; i++)
        {
            await shop.MapArticleAsync(i, 0, 5);
        }

        await shop.Host.Get<AlertSubscriptions>().SubscribeAsync(new AlertSubscription { Id = "all-errors", Name = "All errors" }, CancellationToken.None);
        var dispatcher = shop.Host.Get<AlertDispatcher>();

        // The shop owner regenerated the keys in WooCommerce: every call is refused with 401 from now on.
        await shop.Host.Get<ISecretStore>().SetAsync(shop.Connection, WooCommerceConnector.ConsumerSecretKey, new SecretValue(WooTestKeys.WrongSecret), CancellationToken.None);
        var delivered = new List<AlertNotification>();
        for (var run = 0; run < 12; run++)
        {
            await shop.Host.RunForAsync(Duration.FromMinutes(5));
            delivered.AddRange((await dispatcher.DispatchDueAsync(CancellationToken.None)).Delivered);
        }

        var alert = Assert.Single(delivered);
        Assert.Equal("1 run broke off on woo-1", alert.Subject);
        Assert.Single(shop.Fake.Requests, r => r.StatusCode == 401);
        var failedArticles = await shop.Host.Journal.QueryAsync(new JournalQuery(shop.Connection, RecordKind.ArticleStock) { Statuses = [JournalStatus.Failed] }, 0, 10, CancellationToken.None);
        Assert.Equal(0, failedArticles.TotalCount);
        var paused = await shop.Host.Journal.GetAsync(new JournalKey(shop.Connection, RecordKind.Connection, nameof(WorkKind.StockReconcile)), CancellationToken.None);
        Assert.StartsWith("Paused: the marketplace refused the connection's credentials", paused!.Message, StringComparison.Ordinal);
        Assert.Contains("then run the connection check", paused.Message, StringComparison.Ordinal);

        var alice = new Actor("alice");
        await shop.Host.Lifecycle.SetProductiveModeAsync(shop.Connection, false, alice, CancellationToken.None);
        await shop.Host.Lifecycle.UpdateSettingsAsync(shop.Connection, SettingsUpdate.Empty.SetSecret(WooCommerceConnector.ConsumerSecretKey, new SecretValue(WooTestKeys.ConsumerSecret)), alice, CancellationToken.None);
        Assert.True((await shop.Host.Lifecycle.RunConnectionCheckAsync(shop.Connection, alice, CancellationToken.None)).Connection!.Check.Passed);
        await shop.Host.Lifecycle.SetProductiveModeAsync(shop.Connection, true, alice, CancellationToken.None);
        await shop.Host.RunForAsync(Duration.FromMinutes(5));

        Assert.All(Enumerable.Range(1, 500), i => Assert.Equal(5, shop.Fake.StockOf(Sku(i))));
        Assert.Equal(JournalStatus.Succeeded, (await shop.Host.Journal.GetAsync(paused.Key, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ImportByNumber_CredentialsRefused_PausesTheConnectionInsteadOfFailingEachOrder()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        shop.SeedOrder(6001, minutesAgo: 60 * 48);
        shop.SeedOrder(6002, minutesAgo: 60 * 48);

        // Manual import mode: only the import by numbers calls WooCommerce.
        await shop.Host.Lifecycle.SetImportModeAsync(shop.Connection, ImportMode.Manual, new Actor("alice"), CancellationToken.None);
        await shop.Host.Get<ISecretStore>().SetAsync(shop.Connection, WooCommerceConnector.ConsumerSecretKey, new SecretValue(WooTestKeys.WrongSecret), CancellationToken.None);

        await shop.Host.OrderImport.ImportOrdersAsync(shop.Connection, "6001, 6002", CancellationToken.None);
        await shop.Host.RunDueAsync();

        var failedOrders = await shop.Host.Journal.QueryAsync(new JournalQuery(shop.Connection, RecordKind.Order) { Statuses = [JournalStatus.Failed] }, 0, 10, CancellationToken.None);
        Assert.Equal(0, failedOrders.TotalCount);
        var paused = await shop.Host.Journal.GetAsync(new JournalKey(shop.Connection, RecordKind.Connection, nameof(WorkKind.OrderImport)), CancellationToken.None);
        Assert.StartsWith("Paused: the marketplace refused the connection's credentials", paused!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderImport_TruncatedListBody_RetriedInTheSameRun_EveryOrderOnce()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        var numbers = new[] { shop.SeedOrder(10001, 30), shop.SeedOrder(10002, 20) }.Select(o => o.OrderNumber).ToArray();
        shop.Fake.Faults.Next(FaultKind.TruncatedJson, operation: "orders.list");

        var runs = await shop.Host.RunDueAsync();

        Assert.DoesNotContain(runs, r => r.Outcome == WorkRunOutcome.Failed);
        Assert.Equal(numbers.ToDictionary(n => n, _ => 1), shop.Received());
        Assert.Equal([200, 200], shop.Fake.Requests.Where(r => r.Operation == "orders.list").Take(2).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task OrderImport_MalformedListBody_RunFailsSayingWhy_LaterRunsImportEveryOrderOnce()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        var numbers = new[] { shop.SeedOrder(10001, 30), shop.SeedOrder(10002, 20) }.Select(o => o.OrderNumber).ToArray();
        shop.Fake.Faults.Next(FaultKind.MalformedJson, operation: "orders.list");

        var first = await shop.Host.RunDueAsync();

        var failed = Assert.Single(first, r => r.Outcome == WorkRunOutcome.Failed);
        Assert.Contains("not the documented JSON", failed.Message, StringComparison.Ordinal);
        Assert.Empty(shop.Received());

        await shop.Host.RunForAsync(Duration.FromHours(1));

        Assert.Equal(numbers.ToDictionary(n => n, _ => 1), shop.Received());
    }

    [Fact]
    public async Task OrderImport_DroppedConnectionOnAListRead_RetriedInTheSameRun()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        var order = shop.SeedOrder(10001);
        shop.Fake.Faults.Next(FaultKind.DroppedConnection, operation: "orders.list");

        await shop.Host.RunDueAsync();

        Assert.Equal(1, shop.Received()[order.OrderNumber]);
        Assert.Equal([0, 200], shop.Fake.Requests.Where(r => r.Operation == "orders.list").Take(2).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task StockPush_TruncatedBatchAnswer_AbsoluteLevelsSentAgainInTheSameRun()
    {
        // A cut-off answer is a transport fault inside the retry, and a batch of absolute levels may go twice.
        await using var shop = await StartAsync(features: [Features.FeatureKind.Stock]);
        await shop.MapArticleAsync(1, 3, 7);
        shop.Fake.Faults.Next(FaultKind.TruncatedJson, operation: "products.batch");

        await shop.Host.RunDueAsync();

        Assert.Equal(7, shop.Fake.StockOf(Sku(1)));
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.ArticleStock, Article(1))).Status);
        // Sent again at once, not read back first: the pipeline retried it.
        Assert.Equal(["products.batch", "products.batch"], shop.Fake.Requests.Select(r => r.Operation).SkipWhile(o => o != "products.batch").Take(2));
        Assert.DoesNotContain(await HistoryAsync(shop, Article(1)), c => c.To == JournalStatus.Failed);
    }

    [Fact]
    public async Task StockPush_MalformedBatchAnswerNotApplied_JournaledFailedWithTheShopsLevel_ThenSentAgain()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Stock]);
        await shop.MapArticleAsync(1, 3, 7);
        shop.Fake.Faults.Next(FaultKind.MalformedJson, operation: "products.batch");

        await shop.Host.RunForAsync(Recovery);

        // The batch was never saved: the read-back says so, the record fails truthfully, and a later sync sends it.
        var failure = Assert.Single(await HistoryAsync(shop, Article(1)), c => c.To == JournalStatus.Failed);
        Assert.Contains("holds 3, not 7", failure.Message, StringComparison.Ordinal);

        Assert.Equal(7, shop.Fake.StockOf(Sku(1)));
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.ArticleStock, Article(1))).Status);
    }

    [Fact]
    public async Task StockPush_ConnectionDroppedOnEveryAttempt_InDoubtReadBack_FailedThenSentAgain()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Stock]);
        await shop.MapArticleAsync(1, 3, 7);
        shop.Fake.Faults.Next(FaultKind.DroppedConnection, times: 5, operation: "products.batch");

        await shop.Host.RunForAsync(Recovery);

        // The first attempt and four retries dropped: in doubt, and the read-back shows nothing was saved.
        Assert.Equal([0, 0, 0, 0, 0, 200], shop.Fake.Requests.Where(r => r.Operation == "products.batch").Take(6).Select(r => r.StatusCode));
        var failure = Assert.Single(await HistoryAsync(shop, Article(1)), c => c.To == JournalStatus.Failed);
        Assert.Contains("got no answer and the shop holds 3, not 7", failure.Message, StringComparison.Ordinal);

        Assert.Equal(7, shop.Fake.StockOf(Sku(1)));
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.ArticleStock, Article(1))).Status);
    }

    [Fact]
    public async Task StockPush_AnswerLostAfterTheBatchWasSaved_InDoubtReadBackConfirms()
    {
        var losing = new AnswerLosingHandler(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/products/batch", StringComparison.Ordinal), times: 5);
        await using var shop = await StartAsync(services => services.AddHttpClient(WooCommerceClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => losing), features: [Features.FeatureKind.Stock]);
        await shop.MapArticleAsync(1, 3, 7);

        await shop.Host.RunDueAsync();

        Assert.Equal(5, losing.Lost);
        Assert.Equal(7, shop.Fake.StockOf(Sku(1)));
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.ArticleStock, Article(1))).Status);
    }

    [Fact]
    public async Task StatusExport_ConnectionDroppedOnTheNoteWrite_ReadBackFindsNone_FailedUntilTheRetrySendsItOnce()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Orders, Features.FeatureKind.OrderStatus]);
        var order = await ImportedOrderAsync(shop, 20001);
        shop.Fake.Faults.Next(FaultKind.DroppedConnection, operation: "notes.create");

        await ShipAsync(shop, order, "TRACK-1");

        // The note may still land after the read-back, so it is not sent again in the same export: the journal says why.
        var inDoubt = await shop.JournalAsync(RecordKind.OrderStatus, order.OrderNumber);
        Assert.Equal(JournalStatus.Failed, inDoubt.Status);
        Assert.Contains("not on the order yet; retry the export", inDoubt.Message, StringComparison.Ordinal);
        Assert.Empty(shop.Fake.ShipmentsOf(order.OrderNumber));

        await shop.Host.StatusExport.RetryAsync(shop.Connection, JournalSelection.Of(order.OrderNumber), CancellationToken.None);
        await shop.Host.RunDueAsync();

        Assert.Single(shop.Fake.ShipmentsOf(order.OrderNumber));
        Assert.Equal(OrderStatus.Shipped, shop.Fake.StatusOf(order.OrderNumber));
        Assert.Equal(["notes.create:0", "notes.list:200", "notes.list:200", "notes.create:201"], shop.Fake.Requests.Where(r => r.Operation.StartsWith("notes.", StringComparison.Ordinal)).Skip(1).Select(r => $"{r.Operation}:{r.StatusCode}"));
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.OrderStatus, order.OrderNumber)).Status);
    }

    [Fact]
    public async Task StatusExport_CriticalErrorOnTheNote_JournalSaysItInOneLineOfText()
    {
        // WordPress's fatal-error handler answers a REST request with 500 and HTML in WooCommerce's error message.
        await using var shop = await StartAsync(features: [Features.FeatureKind.Orders, Features.FeatureKind.OrderStatus]);
        var order = await ImportedOrderAsync(shop, 20003);
        shop.Fake.Faults.Next(FaultKind.ServerError, operation: "notes.create");

        await ShipAsync(shop, order, "TRACK-3");

        var entry = await shop.JournalAsync(RecordKind.OrderStatus, order.OrderNumber);
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains("(500 (internal_server_error: There has been a critical error on this website.))", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusExport_AnswerLostAfterTheNoteWasStored_ReadBackFindsIt_NoSecondNote()
    {
        var losing = new AnswerLosingHandler(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/notes", StringComparison.Ordinal), times: 1);
        await using var shop = await StartAsync(services => services.AddHttpClient(WooCommerceClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => losing), features: [Features.FeatureKind.Orders, Features.FeatureKind.OrderStatus]);
        var order = await ImportedOrderAsync(shop, 20002);

        await ShipAsync(shop, order, "TRACK-2");

        Assert.Equal(1, losing.Lost);
        Assert.Single(shop.Fake.ShipmentsOf(order.OrderNumber));
        Assert.Single(shop.Fake.Requests, r => r.Operation == "notes.create");
        Assert.Equal(OrderStatus.Shipped, shop.Fake.StatusOf(order.OrderNumber));
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.OrderStatus, order.OrderNumber)).Status);
    }

    [Fact]
    public async Task StockPush_NullInTheBatchAnswer_OnlyTheUnansweredArticleFails_TheRunGoesOn()
    {
        var nulling = new AnswerRewritingHandler(
            r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/products/batch", StringComparison.Ordinal),
            body => body["update"]!.AsArray()[0] = null);
        await using var shop = await StartAsync(services => services.AddHttpClient(WooCommerceClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => nulling), features: [Features.FeatureKind.Stock]);
        for (var i = 1; i <= 3; i++)
        {
            await shop.MapArticleAsync(i, 1, 10 + i);
        }

        var runs = await shop.Host.RunDueAsync();

        Assert.DoesNotContain(runs, r => r.Outcome == WorkRunOutcome.Failed);
        var statuses = new List<JournalStatus>();
        for (var i = 1; i <= 3; i++)
        {
            statuses.Add((await shop.JournalAsync(RecordKind.ArticleStock, Article(i))).Status);
        }

        Assert.Equal(2, statuses.Count(s => s == JournalStatus.Succeeded));
        Assert.Equal(1, statuses.Count(s => s == JournalStatus.Failed));
    }

    [Fact]
    public async Task StockPush_PartialBatchFailure_ExactlyTheRefusedRecordsFailed()
    {
        await using var shop = await StartAsync(features: [Features.FeatureKind.Stock]);
        for (var i = 1; i <= 4; i++)
        {
            await shop.MapArticleAsync(i, 1, 10 + i);
        }

        shop.Fake.Faults.Next(FaultKind.PartialBatchFailure, operation: "products.batch");

        await shop.Host.RunDueAsync();

        // The fake refused every second item of the one batch; exactly those records failed, saying why, the others did not.
        var histories = new Dictionary<int, IReadOnlyList<JournalStatusChange>>();
        for (var i = 1; i <= 4; i++)
        {
            histories[i] = await HistoryAsync(shop, Article(i));
        }

        var failed = histories.Where(h => h.Value.Any(c => c.To == JournalStatus.Failed)).Select(h => h.Key).ToArray();
        Assert.Equal(2, failed.Length);
        Assert.All(failed, i => Assert.Contains("could not be saved", histories[i].First(c => c.To == JournalStatus.Failed).Message, StringComparison.Ordinal));
        Assert.Equal(FaultKind.PartialBatchFailure, Assert.Single(shop.Fake.Faults.Injected).Kind);

        await shop.Host.RunForAsync(Recovery);

        Assert.All(Enumerable.Range(1, 4), i => Assert.Equal(10 + i, shop.Fake.StockOf(Sku(i))));
        for (var i = 1; i <= 4; i++)
        {
            var entry = await shop.JournalAsync(RecordKind.ArticleStock, Article(i));
            Assert.Equal(JournalStatus.Succeeded, entry.Status);
            Assert.Equal(failed.Contains(i) ? 1 : 0, entry.History.Count(c => c.To == JournalStatus.Failed));
        }
    }

    private static async Task<IReadOnlyList<JournalStatusChange>> HistoryAsync(WooTestShop shop, string article) =>
        (await shop.JournalAsync(RecordKind.ArticleStock, article)).History;

    private static async Task<MarketplaceOrder> ImportedOrderAsync(WooTestShop shop, int number)
    {
        await shop.MapArticleAsync(1, 100, 100);
        var order = shop.SeedOrder(number);
        await shop.Host.RunDueAsync();
        return order;
    }

    private static async Task ShipAsync(WooTestShop shop, MarketplaceOrder order, string tracking)
    {
        var parcel = new Shipment
        {
            ShipmentId = tracking,
            Carrier = Carrier.Dhl,
            TrackingNumber = tracking,
            ShippedAt = order.UpdatedAt + Duration.FromHours(1),
            Lines = order.Lines.Select(l => new ShippedLine(l.LineId, l.Quantity)).ToArray(),
        };
        await shop.Host.StatusExport.NotifyOrderChangedAsync(shop.Connection, new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.Shipped, [parcel]), CancellationToken.None);
        await shop.Host.RunDueAsync();
    }
}
