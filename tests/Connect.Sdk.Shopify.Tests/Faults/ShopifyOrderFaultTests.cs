using System.Net;
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
}
