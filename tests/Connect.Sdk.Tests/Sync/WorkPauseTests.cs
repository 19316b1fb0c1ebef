using Connect.Sdk.Connectors;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Tests.Sync;

/// <summary>A pause holds until the connection changes after it, unless a check failed since; manual runs are never held.</summary>
public sealed class WorkPauseTests
{
    private static readonly Instant PausedAt = SyncHarness.Start;
    private static readonly WorkPause Pause = new(PausedAt, ConnectionVersion: 4);

    [Theory]
    [InlineData(4, CheckStatus.Passed, -60, true)]
    [InlineData(5, CheckStatus.Passed, 60, false)]
    [InlineData(5, CheckStatus.NotChecked, -60, false)]
    [InlineData(5, CheckStatus.Failed, 60, true)]
    [InlineData(5, CheckStatus.Failed, -60, false)]
    public void HoldsFor_ConnectionAsItIsNow_HoldsUntilTheUserChangedIt(long version, CheckStatus check, int checkedMinutesAfterPause, bool holds)
    {
        var connection = new Connection
        {
            Id = new ConnectionId("market-1"),
            ConnectorId = new ConnectorId("testmarket"),
            Name = "Market",
            CreatedAt = PausedAt - Duration.FromDays(1),
            Version = version,
            Check = new ConnectionCheck(check, PausedAt + Duration.FromMinutes(checkedMinutesAfterPause), null),
        };

        Assert.Equal(holds, Pause.HoldsFor(connection));
    }

    [Theory]
    [InlineData(SyncTrigger.Scheduled, true)]
    [InlineData(SyncTrigger.Event, true)]
    [InlineData(SyncTrigger.Manual, false)]
    public void Blocks_Trigger_OnlyAutomaticRuns(SyncTrigger trigger, bool blocks) => Assert.Equal(blocks, WorkPause.Blocks(trigger));
}
