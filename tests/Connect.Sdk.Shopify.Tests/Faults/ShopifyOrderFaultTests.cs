using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Journal;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Faults;
using NodaTime;

namespace Connect.Sdk.Shopify.Tests.Faults;

/// <summary>Order import under faults: a failed page fails the run truthfully, and later runs bring every order exactly once.</summary>
public sealed class ShopifyOrderFaultTests : ShopifyFaultFixture
{
    [Fact]
    public async Task TooManyRequests_RetryAfterHonouredAndEveryOrderOnce()
    {
        await MapArticlesAsync(10);
        var numbers = SeedOrders(3);
        Faults.Next(FaultKind.TooManyRequests, operation: "graphql.orders");
        var before = Time.Elapsed;

        var runs = await Host.RunDueAsync();

        AssertEveryOrderOnce(numbers);
        Assert.DoesNotContain(runs, r => r.Outcome == WorkRunOutcome.Failed);
        Assert.All(await JournalAsync(RecordKind.Order), e => Assert.Equal(JournalStatus.Succeeded, e.Status));
        Assert.Contains(Traffic.Exchanges, e => e.Status == HttpStatusCode.TooManyRequests);
        Assert.True(Time.Elapsed - before >= TimeSpan.FromSeconds(1), "The retry must wait the Retry-After of 1 s.");
    }

    [Fact]
    public async Task TruncatedPage_RetriedInTheSameRun_EveryOrderOnce()
    {
        await MapArticlesAsync(10);
        var numbers = SeedOrders(3);
        Faults.Next(FaultKind.TruncatedJson, operation: "graphql.orders");

        var runs = await Host.RunDueAsync();

        AssertEveryOrderOnce(numbers);
        Assert.DoesNotContain(runs, r => r.Outcome == WorkRunOutcome.Failed);
        Assert.Equal(FaultKind.TruncatedJson, Assert.Single(Faults.Injected).Kind);
    }

    [Fact]
    public async Task MalformedPage_RunFailsSayingWhyThenEveryOrderOnce()
    {
        await MapArticlesAsync(10);
        var numbers = SeedOrders(3);
        Faults.Next(FaultKind.MalformedJson, operation: "graphql.orders");

        var first = await Host.RunDueAsync();

        var failed = Assert.Single(first, r => r.Outcome == WorkRunOutcome.Failed);
        Assert.Contains("not a complete GraphQL answer", failed.Message, StringComparison.Ordinal);
        Assert.Empty(Host.Orders.Orders);

        await Host.RunForAsync(Duration.FromMinutes(30));

        AssertEveryOrderOnce(numbers);
    }

    [Fact]
    public async Task DroppedConnection_ReadRetriedAndEveryOrderOnce()
    {
        await MapArticlesAsync(10);
        var numbers = SeedOrders(3);
        Faults.Next(FaultKind.DroppedConnection, operation: "graphql");

        var runs = await Host.RunDueAsync();

        AssertEveryOrderOnce(numbers);
        Assert.DoesNotContain(runs, r => r.Outcome == WorkRunOutcome.Failed);
        Assert.Equal(FaultKind.DroppedConnection, Assert.Single(Faults.Injected).Kind);
    }

    [Theory]
    [InlineData("quantity of another type", "the field lineItems.nodes[0].quantity does not have the documented type")]
    [InlineData("money amount as an object", "the field currentTotalPriceSet.shopMoney.amount does not have the documented type")]
    [InlineData("null in a line's taxLines", "lineItems.nodes[0].taxLines[0] is null")]
    [InlineData("null quantity", "field 'lineItems.nodes[0].quantity' is missing")]
    [InlineData("unknown currency code", "field 'currencyCode' is not an ISO 4217 currency code: 'EURO'")]
    public async Task ChangedOrders_MiddleOrderUnreadable_FailsAloneNamingShopifysField_CursorPassesIt(string flaw, string expected)
    {
        var numbers = await SeedThreeOrdersTheMiddleFlawedAsync(flaw);

        var runs = await Host.RunDueAsync();

        Assert.DoesNotContain(runs, r => r.Outcome == WorkRunOutcome.Failed);
        AssertEveryOrderOnce([numbers[0], numbers[2]]);
        AssertFailedAlone(await EntryAsync(RecordKind.Order, numbers[1]), expected);

        // The cursor went past the unreadable order: a later order arrives, the unreadable one still stays out.
        var later = SeedOrders(1, first: 5004);
        await Host.RunForAsync(Duration.FromMinutes(30));

        AssertEveryOrderOnce([numbers[0], numbers[2], later[0]]);
        AssertFailedAlone(await EntryAsync(RecordKind.Order, numbers[1]), expected);
    }

    [Fact]
    public async Task ChangedOrders_PageInfoOfAnotherType_RunFailsNamingShopifysFieldNotADotNetType()
    {
        await MapArticlesAsync(10);
        SeedOrders(3);
        Traffic.ChangeAnswer = (request, answer) =>
        {
            if (answer["data"]?["orders"]?["pageInfo"] is JsonObject pageInfo)
            {
                pageInfo["hasNextPage"] = "no";
            }
        };

        var runs = await Host.RunDueAsync();

        // Without the page's cursor nothing after it can be read: the page fails, not an order.
        var failed = Assert.Single(runs, r => r.Outcome == WorkRunOutcome.Failed);
        Assert.Contains("not a complete GraphQL answer (the field data.orders.pageInfo.hasNextPage does not have the documented type)", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", failed.Message, StringComparison.Ordinal);
        Assert.Empty(Host.Orders.Orders);
    }

    [Theory]
    [InlineData("quantity of another type", "the field lineItems.nodes[0].quantity does not have the documented type")]
    [InlineData("unknown currency code", "field 'currencyCode' is not an ISO 4217 currency code: 'EURO'")]
    public async Task ImportByNumber_OrderUnreadable_FailsAloneNamingShopifysField_TheOthersArrive(string flaw, string expected)
    {
        var numbers = await SeedThreeOrdersTheMiddleFlawedAsync(flaw);
        await Host.Lifecycle.SetImportModeAsync(Connection, Connect.Sdk.Lifecycle.ImportMode.Manual, Connect.Sdk.Testing.Hosting.ConnectTestHost.User, CancellationToken.None);

        await Host.OrderImport.ImportOrdersAsync(Connection, string.Join(", ", numbers), CancellationToken.None);
        await Host.RunDueAsync();

        AssertEveryOrderOnce([numbers[0], numbers[2]]);
        AssertFailedAlone(await EntryAsync(RecordKind.Order, numbers[1]), expected);
    }

    [Fact]
    public async Task ImportByNumber_TokenRefused_PausesTheConnectionInsteadOfFailingEachOrder()
    {
        await MapArticlesAsync(10);
        var numbers = SeedOrders(2);
        await Host.Lifecycle.SetImportModeAsync(Connection, Connect.Sdk.Lifecycle.ImportMode.Manual, Connect.Sdk.Testing.Hosting.ConnectTestHost.User, CancellationToken.None);
        await Host.Get<Connect.Sdk.Settings.ISecretStore>().SetAsync(Connection, ShopifyConnector.AccessTokenKey, new Connect.Sdk.Settings.SecretValue(TestDoubles.ShopifyTestServices.WrongToken), CancellationToken.None);

        await Host.OrderImport.ImportOrdersAsync(Connection, string.Join(", ", numbers), CancellationToken.None);
        await Host.RunDueAsync();

        Assert.DoesNotContain(await JournalAsync(RecordKind.Order), e => e.Status == JournalStatus.Failed);
        var paused = await EntryAsync(RecordKind.Connection, nameof(WorkKind.OrderImport));
        Assert.StartsWith("Paused: the marketplace refused the connection's credentials", paused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportByNumber_MalformedAnswer_ThatOrderFailsTheOtherArrives()
    {
        await MapArticlesAsync(10);
        var numbers = SeedOrders(2);

        // Manual import mode: only the import by numbers reads orders.
        await Host.Lifecycle.SetImportModeAsync(Connection, Connect.Sdk.Lifecycle.ImportMode.Manual, Connect.Sdk.Testing.Hosting.ConnectTestHost.User, CancellationToken.None);
        Faults.Next(FaultKind.MalformedJson, operation: "graphql.orders");

        await Host.OrderImport.ImportOrdersAsync(Connection, string.Join(", ", numbers), CancellationToken.None);
        await Host.RunDueAsync();

        var journal = (await JournalAsync(RecordKind.Order)).ToDictionary(e => e.Key.RecordKey);
        Assert.Equal(JournalStatus.Failed, journal[numbers[0]].Status);
        Assert.Contains("not a complete GraphQL answer", journal[numbers[0]].Message, StringComparison.Ordinal);
        Assert.Equal([numbers[1]], Host.Orders.Orders.Select(o => o.Order.OrderNumber));

        await Host.OrderImport.ImportOrdersAsync(Connection, numbers[0], CancellationToken.None);
        await Host.RunDueAsync();

        AssertEveryOrderOnce(numbers);
    }

    private async Task<IReadOnlyList<string>> SeedThreeOrdersTheMiddleFlawedAsync(string flaw)
    {
        await MapArticlesAsync(10);
        var numbers = SeedOrders(3);
        Shop.ChangeOrderFields(numbers[1], order => Break(order, flaw));
        return numbers;
    }

    // A flaw of the kind Shopify's answer could carry, in the order's GraphQL node as the fake holds it.
    private static void Break(JsonObject order, string flaw)
    {
        var line = order["lineItems"]!["nodes"]!.AsArray();
        switch (flaw)
        {
            case "quantity of another type":
                line[0]!["quantity"] = "two";
                break;
            case "money amount as an object":
                order["currentTotalPriceSet"]!["shopMoney"]!["amount"] = new JsonObject { ["value"] = "43.87" };
                break;
            case "null in a line's taxLines":
                line[0]!["taxLines"]!.AsArray().Insert(0, null);
                break;
            case "null quantity":
                line[0]!["quantity"] = null;
                break;
            default:
                order["currencyCode"] = "EURO";
                break;
        }
    }

    private static void AssertFailedAlone(JournalEntry entry, string expected)
    {
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains($": Shopify order {entry.Key.RecordKey} cannot be read: {expected};", entry.Message, StringComparison.Ordinal);
    }
}
