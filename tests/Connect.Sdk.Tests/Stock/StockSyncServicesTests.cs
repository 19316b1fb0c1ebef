using Connect.Sdk.Stock;
using Connect.Sdk.Tests.Sync;
using Connect.Sdk.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.Tests.Stock;

public sealed class StockSyncServicesTests
{
    [Fact]
    public async Task Validate_StockStoresMissing_NamesThem()
    {
        await using var h = new SyncHarness(s =>
        {
            s.RemoveAll<IStockRulesStore>();
            s.RemoveAll<IStockSyncStateStore>();
        });

        var ex = Assert.Throws<OptionsValidationException>(() => h.Get<IStartupValidator>().Validate());

        Assert.Contains("IStockRulesStore", ex.Message, StringComparison.Ordinal);
        Assert.Contains("IStockSyncStateStore", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRules_NoneSet_AreTheDefault_AndInvalidRulesAreNotSaved()
    {
        await using var w = await StockWorld.ProductiveAsync();

        var before = await w.Stock.GetRulesAsync(w.Connection, default);
        var problems = await w.Stock.SetRulesAsync(w.Connection, new StockRules { PublishPercentage = 150 }, default);
        var after = await w.Stock.GetRulesAsync(w.Connection, default);

        Assert.Same(StockRules.Default, before);
        Assert.Single(problems);
        Assert.Same(StockRules.Default, after);
    }

    [Fact]
    public async Task InMemoryState_SaveThenGet_ReturnsOnlyTheAskedArticlesOfThatConnection()
    {
        var (leases, lease) = await HeldLease.TakeAsync();
        var store = new InMemoryStockSyncStateStore(leases);
        var at = SyncHarness.Start;
        await store.SaveAsync(new ConnectionId("a"), [new SentStock("1", 5, at), new SentStock("2", 6, at)], lease, default);
        await store.SaveAsync(new ConnectionId("b"), [new SentStock("1", 9, at)], lease, default);
        await store.SaveAsync(new ConnectionId("a"), [new SentStock("1", 7, at)], lease, default);

        var found = await store.GetAsync(new ConnectionId("a"), ["1", "3"], default);

        Assert.Equal(new SentStock("1", 7, at), Assert.Single(found).Value);
    }
}
