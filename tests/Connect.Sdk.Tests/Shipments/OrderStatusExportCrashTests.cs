using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Shipments;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Sync;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Connect.Sdk.Tests.Shipments.StatusUpdates;

namespace Connect.Sdk.Tests.Shipments;

/// <summary>
/// A crash at every step of a status export, followed by the engine's own retry or a retry from the journal,
/// leaves the marketplace with each shipment once and a journal entry that tells the truth.
/// </summary>
public sealed class OrderStatusExportCrashTests
{
    public static TheoryData<ExportCrashStep, bool> Steps()
    {
        var data = new TheoryData<ExportCrashStep, bool>();
        foreach (var step in Enum.GetValues<ExportCrashStep>())
        {
            data.Add(step, false);
            data.Add(step, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Export_CrashAtStep_ThenRetry_MarketplaceHasEachShipmentOnceAndTheJournalIsTruthful(ExportCrashStep step, bool retryFromJournal)
    {
        var faults = new ExportFaults();
        await using var h = new SyncHarness(s =>
        {
            s.AddSingleton<IOrderStatusOutbox>(sp => new FaultyOutbox(new InMemoryOrderStatusOutbox(sp.GetRequiredService<InMemoryWorkLeaseStore>()), faults));
            s.AddSingleton<IJournalStore>(new FaultyStatusJournalStore(new InMemoryJournalStore(), faults));
        });
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        var export = h.StatusExport();
        h.Market.AfterExport = _ => { if (step == ExportCrashStep.MarketplaceAnswerLost) { faults.At(step); } };
        h.Market.OnExport = _ => { faults.At(ExportCrashStep.MarketplaceBeforeStoring); return null; };
        await export.NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);

        faults.Arm(step);
        await h.Engine.RunDueAsync(default);
        Assert.Equal(1, faults.Fired);
        var afterCrash = await h.StatusEntryAsync(connection, "1001");
        if (afterCrash.Status == JournalStatus.Succeeded)
        {
            Assert.Equal(["S1"], h.Market.ShipmentIdsOf("1001"));
        }

        if (retryFromJournal)
        {
            await export.RetryAsync(connection, JournalSelection.Of("1001"), default);
        }

        h.Clock.Advance(Duration.FromMinutes(1));
        await h.Engine.RunDueAsync(default);
        if (!retryFromJournal && (await h.StatusEntryAsync(connection, "1001")).Status != JournalStatus.Succeeded)
        {
            // What the engine cannot know went wrong (the marketplace said no) waits for the user's retry.
            Assert.Equal(JournalStatus.Failed, (await h.StatusEntryAsync(connection, "1001")).Status);
            await export.RetryAsync(connection, JournalSelection.Of("1001"), default);
            await h.Engine.RunDueAsync(default);
        }

        var entry = await h.StatusEntryAsync(connection, "1001");
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Equal(TrackingExportState.Exported, entry.Tracking);
        Assert.Equal(["S1"], h.Market.ShipmentIdsOf("1001"));
        Assert.Empty(await PendingAsync(h, connection));
    }

    private static async Task<List<string>> PendingAsync(SyncHarness h, ConnectionId connection)
    {
        var pending = new List<string>();
        await foreach (var entry in h.Get<IOrderStatusOutbox>().ListPendingAsync(connection, default))
        {
            pending.Add(entry.OrderNumber);
        }

        return pending;
    }
}
