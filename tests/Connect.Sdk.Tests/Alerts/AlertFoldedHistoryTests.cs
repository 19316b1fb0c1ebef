using Connect.Sdk.Journal;
using Connect.Sdk.Tests.Sync;
using NodaTime;
using static Connect.Sdk.Tests.Alerts.AlertTestKit;

namespace Connect.Sdk.Tests.Alerts;

public sealed class AlertFoldedHistoryTests
{
    private static readonly ConnectionId Market1 = new("market-1");

    [Fact]
    public async Task Dispatch_RecordFailingAgainAfterItsHistoryWasFolded_EachFailureIsANewIncident()
    {
        // A bound of 10 lines: the history is folded every other cycle, so its line count alone repeats within the
        // dispatcher's look-back, where delivered incidents are told apart by their number.
        await using var h = new SyncHarness(options: o => o.JournalHistoryLines = 10);
        await h.Subscriptions().SubscribeAsync(Subscription("s1") with { Connections = new HashSet<ConnectionId> { Market1 } }, default);

        for (var cycle = 1; cycle <= 12; cycle++)
        {
            h.Clock.Advance(Duration.FromSeconds(20));
            await h.SucceedAsync(Market1, "1001");
            h.Clock.Advance(Duration.FromSeconds(20));
            await h.FailAsync(Market1, "1001", $"tax information missing ({cycle})");
            await h.Dispatcher().DispatchDueAsync(default);
        }

        var entry = await h.Journal.GetAsync(new JournalKey(Market1, RecordKind.Order, "1001"), default);
        Assert.NotNull(entry?.EarlierHistory);
        Assert.Equal(
            Enumerable.Range(1, 12).Select(cycle => $"tax information missing ({cycle})"),
            h.Alerts.Delivered.Select(a => Assert.Single(a.Incidents).Message));
    }
}
