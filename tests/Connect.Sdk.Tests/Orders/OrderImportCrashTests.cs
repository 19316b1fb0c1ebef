using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

/// <summary>
/// Crash safety: whatever step of an import fails — the marketplace, a store, the catalog, the ERP before or
/// after it created the order, the journal — the retry leaves exactly one ERP order per marketplace order,
/// and every journal entry says the truth, before and after the retry.
/// </summary>
public sealed class OrderImportCrashTests
{
    public enum Path
    {
        /// <summary>A scheduled run fails; the next scheduled run 15 minutes later retries.</summary>
        ScheduledThenNextRun,

        /// <summary>A scheduled run fails; the user retries every order from the journal.</summary>
        ScheduledThenRetry,

        /// <summary>In the test phase, a manual import by numbers fails; the user retries from the journal.</summary>
        ManualThenRetry,
    }

    private const int OrderCount = 5;

    public static TheoryData<CrashStep, Path, int> Crashes()
    {
        var data = new TheoryData<CrashStep, Path, int>();
        foreach (var step in Enum.GetValues<CrashStep>())
        {
            foreach (var path in Enum.GetValues<Path>())
            {
                var manual = path == Path.ManualThenRetry;
                if ((manual && step == CrashStep.FetchPage) || (!manual && step == CrashStep.FetchByNumber))
                {
                    continue;
                }

                // A manual run looks five numbers up in one call and stages them at once: those steps happen once.
                var once = manual && step is CrashStep.FetchByNumber or CrashStep.Stage;
                foreach (var afterCalls in once ? [0] : new[] { 0, 1 })
                {
                    data.Add(step, path, afterCalls);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Crashes))]
    public async Task Import_FailingAtAStep_ThenRetried_LeavesExactlyOneErpOrderPerOrder_AndATruthfulJournal(CrashStep step, Path path, int afterCalls)
    {
        await using var world = path == Path.ManualThenRetry ? await OrderWorld.TestPhaseAsync() : await OrderWorld.ProductiveAsync();
        var orders = TestOrders.Many(OrderCount);
        var numbers = orders.Select(o => o.OrderNumber).ToArray();
        world.Publish(orders);
        world.Market.OrderPageSize = 2;
        world.Market.OnFetchPage = _ => world.Faults.At(CrashStep.FetchPage);
        world.Market.OnFetchByNumber = _ => world.Faults.At(CrashStep.FetchByNumber);
        world.Faults.Arm(step, afterCalls);

        if (path == Path.ManualThenRetry)
        {
            Assert.Equal(OrderCount, (await world.Import.ImportOrdersAsync(world.Connection, string.Join(", ", numbers), default)).Queued.Count);
            await world.RunDueAsync();
        }
        else
        {
            await world.RunScheduledAsync();
        }

        Assert.Equal(1, world.Faults.Fired);
        await AssertTruthfulAsync(world, numbers);

        if (path == Path.ScheduledThenNextRun)
        {
            world.Harness.Clock.Advance(Duration.FromMinutes(15));
        }
        else
        {
            var retry = await world.Import.RetryAsync(world.Connection, JournalSelection.Of(numbers), default);
            Assert.False(retry.IsRefused, retry.Refusal);
        }

        var results = await world.RunDueAsync();

        Assert.All(results, r => Assert.Equal(WorkRunOutcome.Completed, r.Outcome));
        await AssertTruthfulAsync(world, numbers);
        Assert.Equal(numbers, world.Sink.Orders.Select(o => o.Order.OrderNumber).Order(StringComparer.Ordinal));
        foreach (var number in numbers)
        {
            var imported = await world.Ledger.FindAsync(world.Connection, number, default);
            var entry = await world.EntryAsync(number);
            Assert.NotNull(imported);
            Assert.Equal(JournalStatus.Succeeded, entry.Status);
            Assert.Contains(imported.ErpOrderId, entry.Message, StringComparison.Ordinal);
            Assert.Equal(StagedOrderState.HandedOver, (await world.Staging.GetAsync(world.Connection, number, default))!.State);
        }
    }

    /// <summary>
    /// What the journal may say at any time: "succeeded" only for an order the ledger and the ERP hold (with
    /// the ERP's id), "failed" never for an order the ledger holds, and an order the ERP holds without a
    /// ledger entry only with a message that says it is handed over again under the same key.
    /// </summary>
    private static async Task AssertTruthfulAsync(OrderWorld world, string[] numbers)
    {
        foreach (var number in numbers)
        {
            var entry = await world.FindEntryAsync(number);
            var imported = await world.Ledger.FindAsync(world.Connection, number, default);
            var inErp = world.SinkCount(number);
            Assert.True(inErp <= 1, $"order {number} is {inErp} times in the ERP");
            Assert.True(imported is null || inErp == 1, $"order {number} is in the ledger but not in the ERP");
            switch (entry?.Status)
            {
                case JournalStatus.Succeeded:
                    Assert.NotNull(imported);
                    Assert.Contains(imported.ErpOrderId, entry.Message, StringComparison.Ordinal);
                    break;
                case JournalStatus.Failed:
                    Assert.Null(imported);
                    Assert.True(inErp == 0 || entry.Message!.Contains("same key", StringComparison.Ordinal), entry.Message);
                    break;
                case null or JournalStatus.NotSynced:
                    Assert.Equal(0, inErp);
                    break;
            }
        }
    }
}
