using Connect.Sdk.Journal;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Tests.Stock;

/// <summary>The first cycle, where the delta and the reconcile are due at once, writes each quantity once.</summary>
public sealed class StockFirstCycleTests
{
    [Fact]
    public async Task RunDue_FirstCycle_SendsEachArticleOnceAndRunsBothKinds()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(3);

        var results = await w.H.Engine.RunDueAsync(default);

        Assert.Equal([WorkKind.StockReconcile, WorkKind.StockSync], results.Select(r => r.Item.Kind));
        Assert.Equal(["A0001", "A0002", "A0003"], w.Sent.Order(StringComparer.Ordinal));
        var entry = await w.EntryAsync("A0001");
        Assert.Equal([JournalStatus.NotSynced, JournalStatus.Running, JournalStatus.Succeeded], entry.History.Select(c => c.To));
    }
}
