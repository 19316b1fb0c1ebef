using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Journal;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.Fakes.Amazon;
using NodaTime;

namespace Connect.Sdk.Amazon.Tests.Faults;

/// <summary>Order import under the fake's faults: the journal tells the truth and every order arrives exactly once.</summary>
public sealed class AmazonOrderFaultTests : IAsyncDisposable
{
    private readonly AmazonTestHost _test = new();

    public ValueTask DisposeAsync() => _test.DisposeAsync();

    [Fact]
    public async Task QuotaExceededOnItems_PausesTheOperationAndRetries_EveryOrderOnce()
    {
        var connection = await _test.ConnectAsync();
        await _test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 100);
        var orders = _test.SeedOrders(3, AmazonTestHost.Fbm("MUG-BLUE"));
        _test.Amazon.Faults.Next(FaultKind.TooManyRequests, times: 2, operation: AmazonOperations.GetOrderItems);

        var runs = await _test.Host.RunDueAsync();

        Assert.DoesNotContain(runs, r => r.Outcome == WorkRunOutcome.Failed);
        _test.AssertEveryOrderOnce(orders);
        var journal = await _test.JournalAsync(connection, RecordKind.Order);
        Assert.All(orders, o => Assert.Equal(JournalStatus.Succeeded, journal[o.OrderNumber].Status));
        Assert.Equal(2, _test.Amazon.Requests.Count(r => r.Operation == AmazonOperations.GetOrderItems && r.StatusCode == 429));

        // Amazon sends no Retry-After: the seller's getOrderItems budget pauses until one request has refilled (1 / 0.5 s).
        Assert.Contains(_test.Time.Waits, w => w >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task MalformedItems_RunFailsWithTheReason_ThenEveryOrderOnce()
    {
        var connection = await _test.ConnectAsync();
        await _test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 100);
        var orders = _test.SeedOrders(3, AmazonTestHost.Fbm("MUG-BLUE"));
        _test.Amazon.Faults.Next(FaultKind.MalformedJson, operation: AmazonOperations.GetOrderItems);

        var first = await _test.Host.RunDueAsync();

        // The page is not staged: nothing half-imported, and the cursor stays before the orders.
        var failed = Assert.Single(first, r => r.Outcome == WorkRunOutcome.Failed);
        Assert.Contains("not the documented JSON", failed.Message, StringComparison.Ordinal);
        Assert.Empty(_test.Host.Orders.Orders);

        await _test.Host.RunForAsync(Duration.FromHours(1));

        _test.AssertEveryOrderOnce(orders);
        var journal = await _test.JournalAsync(connection, RecordKind.Order);
        Assert.All(orders, o => Assert.Equal(JournalStatus.Succeeded, journal[o.OrderNumber].Status));
    }

    [Theory]
    [InlineData("missing", "the required field payload.OrderItems[0].QuantityOrdered is missing")]
    [InlineData("null", "the field payload.OrderItems[0].OrderItemId is null")]
    [InlineData("null item", "its getOrderItems answer has a null in OrderItems")]
    public async Task ItemsWithAFieldMissingOrNull_ThatOrderFailsAloneNamingAmazonsField_TheOthersArrive(string flaw, string expected)
    {
        var broken = AmazonTestHost.OrderNumber(2);
        await using var test = new AmazonTestHost(() => new AnswerRewritingTransport(AmazonOperations.GetOrderItems, body =>
        {
            var items = body["payload"]!["OrderItems"]!.AsArray();
            switch (flaw)
            {
                case "missing":
                    items[0]!.AsObject().Remove("QuantityOrdered");
                    break;
                case "null":
                    items[0]!["OrderItemId"] = null;
                    break;
                default:
                    items[0] = null;
                    break;
            }
        }, broken));
        var connection = await test.ConnectAsync();
        await test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 100);
        var orders = test.SeedOrders(3, AmazonTestHost.Fbm("MUG-BLUE"));

        var runs = await test.Host.RunDueAsync();

        Assert.DoesNotContain(runs, r => r.Outcome == WorkRunOutcome.Failed);
        test.AssertEveryOrderOnce(orders.Where(o => o.OrderNumber != broken));
        Assert.DoesNotContain(test.Host.Orders.Orders, o => o.Order.OrderNumber == broken);
        var entry = (await test.JournalAsync(connection, RecordKind.Order))[broken];
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains($"Amazon order {broken} could not be read: " + (flaw == "null item" ? expected : "in its getOrderItems answer " + expected), entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderWithoutPurchaseDate_FailsAloneNamingAmazonsFieldAsAmazonSpellsIt()
    {
        var broken = AmazonTestHost.OrderNumber(2);
        await using var test = new AmazonTestHost(() => new AnswerRewritingTransport(AmazonOperations.GetOrders, body =>
        {
            foreach (var order in body["payload"]!["Orders"]!.AsArray().Where(o => (string?)o!["AmazonOrderId"] == broken))
            {
                order!.AsObject().Remove("PurchaseDate");
            }
        }));
        var connection = await test.ConnectAsync();
        await test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 100);
        var orders = test.SeedOrders(3, AmazonTestHost.Fbm("MUG-BLUE"));

        await test.Host.RunDueAsync();

        test.AssertEveryOrderOnce(orders.Where(o => o.OrderNumber != broken));
        var entry = (await test.JournalAsync(connection, RecordKind.Order))[broken];
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains($"Amazon order {broken} could not be read: the required field PurchaseDate is missing", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AmazonOrderJson", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedOrdersPageAndItems_RetriedInTheSameRun_EveryOrderOnce()
    {
        var connection = await _test.ConnectAsync();
        await _test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 100);
        var orders = _test.SeedOrders(3, AmazonTestHost.Fbm("MUG-BLUE"));
        _test.Amazon.Faults.Next(FaultKind.TruncatedJson, operation: AmazonOperations.GetOrders)
            .Next(FaultKind.TruncatedJson, operation: AmazonOperations.GetOrderItems);

        var runs = await _test.Host.RunDueAsync();

        Assert.DoesNotContain(runs, r => r.Outcome == WorkRunOutcome.Failed);
        Assert.Equal(2, _test.Amazon.Faults.Injected.Count);
        _test.AssertEveryOrderOnce(orders);
    }

    [Fact]
    public async Task ItemsUnreadableMidPage_TheNextRunResumes_EachOrdersItemsReadOnce()
    {
        // The run breaks off at the third order's items; the next reads only the items it has not read yet.
        await using var test = new AmazonTestHost(() => StandInTransport.HtmlPage(AmazonOperations.GetOrderItems, nth: 3));
        var connection = await test.ConnectAsync();
        await test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 100);
        var orders = test.SeedOrders(5, AmazonTestHost.Fbm("MUG-BLUE"));

        var first = await test.Host.RunDueAsync();
        Assert.Contains(first, r => r.Outcome == WorkRunOutcome.Failed);
        Assert.Empty(test.Host.Orders.Orders);

        await test.Host.RunForAsync(Duration.FromHours(1));

        test.AssertEveryOrderOnce(orders);
        Assert.Equal(
            orders.Select(o => o.OrderNumber).Order(),
            test.Amazon.Requests.Where(r => r.Operation == AmazonOperations.GetOrderItems).Select(r => r.PathAndQuery.Split('/')[4]).Order());
    }

    [Fact]
    public async Task DroppedConnectionOnARead_IsRetried_EveryOrderOnceInTheFirstRun()
    {
        var connection = await _test.ConnectAsync();
        await _test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 100);
        var orders = _test.SeedOrders(2, AmazonTestHost.Fbm("MUG-BLUE"));
        _test.Amazon.Faults.Next(FaultKind.DroppedConnection, operation: AmazonOperations.GetOrders)
            .Next(FaultKind.DroppedConnection, operation: AmazonOperations.GetOrderItems);

        var runs = await _test.Host.RunDueAsync();

        Assert.DoesNotContain(runs, r => r.Outcome == WorkRunOutcome.Failed);
        Assert.Equal(2, _test.Amazon.Faults.Injected.Count);
        _test.AssertEveryOrderOnce(orders);
    }

    [Fact]
    public async Task ImportByNumber_UnknownAndKnownOrders_JournalSaysWhich()
    {
        var connection = await _test.ConnectAsync();
        await _test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 100);
        var order = Assert.Single(_test.SeedOrders(1, AmazonTestHost.Fbm("MUG-BLUE")));
        var unknown = AmazonTestHost.OrderNumber(99);

        await _test.Host.OrderImport.ImportOrdersAsync(connection, $"{order.OrderNumber}, {unknown}", CancellationToken.None);
        await _test.Host.RunDueAsync();

        _test.AssertEveryOrderOnce([order]);
        var journal = await _test.JournalAsync(connection, RecordKind.Order);
        Assert.Equal(JournalStatus.Succeeded, journal[order.OrderNumber].Status);
        Assert.Equal(JournalStatus.Failed, journal[unknown].Status);
        Assert.Contains("not found", journal[unknown].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportByNumber_GetOrderRefused_PausesTheConnectionInsteadOfFailingEachOrder()
    {
        // The application lost its Orders role: getOrder answers 403 Unauthorized (the SP-API error shape) every time.
        await using var test = new AmazonTestHost(() => new GetOrderRefused { InnerHandler = new SocketsHttpHandler() });
        var connection = await test.ConnectAsync();
        await test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 100);
        var orders = test.SeedOrders(2, AmazonTestHost.Fbm("MUG-BLUE"));
        await test.Host.Lifecycle.SetImportModeAsync(connection, Connect.Sdk.Lifecycle.ImportMode.Manual, Connect.Sdk.Testing.Hosting.ConnectTestHost.User, CancellationToken.None);

        await test.Host.OrderImport.ImportOrdersAsync(connection, string.Join(", ", orders.Select(o => o.OrderNumber)), CancellationToken.None);
        await test.Host.RunDueAsync();

        Assert.DoesNotContain((await test.JournalAsync(connection, RecordKind.Order)).Values, e => e.Status == JournalStatus.Failed);
        var paused = (await test.JournalAsync(connection, RecordKind.Connection))[nameof(WorkKind.OrderImport)];
        Assert.StartsWith("Paused: the marketplace refused the connection's credentials", paused.Message, StringComparison.Ordinal);
    }

    // Answers every getOrder (GET /orders/v0/orders/{orderId}) with 403 Unauthorized; other calls reach the fake.
    private sealed class GetOrderRefused : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            const string Orders = "/orders/v0/orders/";
            var path = request.RequestUri!.AbsolutePath;
            var at = path.IndexOf(Orders, StringComparison.Ordinal);
            if (at < 0 || path[(at + Orders.Length)..].Contains('/', StringComparison.Ordinal))
            {
                return base.SendAsync(request, cancellationToken);
            }

            const string Body = """{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]}""";
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden) { Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
