using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Tests.Orders;
using Connect.Sdk.Tests.Sync;
using static Connect.Sdk.Tests.Shipments.StatusUpdates;

namespace Connect.Sdk.Tests.Shipments;

/// <summary>In the test phase, status and tracking reach the marketplace only for orders of the restricted article mapping.</summary>
public sealed class TestPhaseExportTests
{
    [Fact]
    public async Task Export_TestPhase_OrderOfTheRestrictedMapping_IsSent()
    {
        await using var h = new SyncHarness();
        var connection = await ImportedAsync(h, restrictedTo: ["A-1", "A-2"]);

        await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);
        await h.StatusExport().ExportAsync(connection, "1001", default);
        await h.Engine.RunDueAsync(default);

        Assert.Single(h.Market.Exports);
        Assert.Equal(JournalStatus.Succeeded, (await h.StatusEntryAsync(connection, "1001")).Status);
    }

    [Fact]
    public async Task Export_TestPhase_OrderWithALineOutsideTheRestrictedMapping_IsNotSent()
    {
        await using var h = new SyncHarness();
        var connection = await ImportedAsync(h, restrictedTo: ["A-1"]);

        await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);
        await h.StatusExport().ExportAsync(connection, "1001", default);
        await h.Engine.RunDueAsync(default);

        Assert.Empty(h.Market.Exports);
        var entry = await h.StatusEntryAsync(connection, "1001");
        Assert.Equal(JournalStatus.NotSynced, entry.Status);
        Assert.Contains("A-2", entry.Message, StringComparison.Ordinal);
        Assert.Contains("restricted article mapping", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_TestPhase_OrderNeverImportedThroughTheConnection_IsNotSent()
    {
        await using var h = new SyncHarness();
        var connection = await ImportedAsync(h, restrictedTo: ["A-1", "A-2"]);

        await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("7777", Parcel("S9", "TRK-9")), default);
        await h.StatusExport().ExportAsync(connection, "7777", default);
        await h.Engine.RunDueAsync(default);

        Assert.Empty(h.Market.Exports);
        Assert.Contains("was not imported through this connection", (await h.StatusEntryAsync(connection, "7777")).Message, StringComparison.Ordinal);
    }

    private static async Task<ConnectionId> ImportedAsync(SyncHarness h, string[] restrictedTo)
    {
        var connection = await h.CreateTestPhaseConnectionAsync("market-1", ImportMode.Automatic, FeatureKind.Orders, FeatureKind.OrderStatus);
        await h.AddMappedArticlesAsync(connection, TestOrders.ArticleNumbers.Select(n => new Article(n, "Article " + n, ArticleKind.Simple)).ToArray());
        await h.Get<IForeignNumberStore>().SetRestrictedMappingAsync(connection, new RestrictedArticleMapping(restrictedTo), default);
        h.Market.AddOrUpdate(TestOrders.Order("1001"));
        await h.Get<OrderImport>().ImportOrdersAsync(connection, "1001", default);
        await h.Engine.RunDueAsync(default);
        Assert.Single(h.OrderSink.Orders);
        return connection;
    }
}
