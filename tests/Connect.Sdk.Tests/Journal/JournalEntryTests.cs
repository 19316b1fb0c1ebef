using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Tests.Journal;

public sealed class JournalEntryTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 23, 8, 0);

    [Fact]
    public void WithStatus_RunEndsAsTheRunBeforeDid_CountsARepeatAndDropsTheRunningLine()
    {
        var failed = New().WithStatus(JournalStatus.Running, "sending", T0).WithStatus(JournalStatus.Failed, "refused", T0);

        var again = failed.WithStatus(JournalStatus.Running, "sending", At(5)).WithStatus(JournalStatus.Failed, "refused", At(6));

        Assert.Equal(2, again.History.Count);
        Assert.Equal((T0, 1, At(6)), (again.History[^1].At, again.History[^1].Repeats, again.History[^1].LastRepeatedAt));
        Assert.Equal((JournalStatus.Failed, "refused", At(6)), (again.Status, again.Message, again.UpdatedAt));
        Assert.Equal(T0, again.ReachedAt);
        Assert.Equal(2, again.ConsecutiveFailures);
    }

    [Fact]
    public void WithStatus_RunFailsDifferently_AddsLines()
    {
        var failed = New().WithStatus(JournalStatus.Running, "sending", T0).WithStatus(JournalStatus.Failed, "refused", T0);

        var other = failed.WithStatus(JournalStatus.Running, "sending", At(5)).WithStatus(JournalStatus.Failed, "listing closed", At(6));

        Assert.Equal(4, other.History.Count);
        Assert.Equal(At(6), other.ReachedAt);
        Assert.Equal(2, other.ConsecutiveFailures);
    }

    [Fact]
    public void WithStatus_QueuedByAUserInBetween_KeepsTheLinesAndStartsTheFailureCountAgain()
    {
        var failed = New().WithStatus(JournalStatus.Failed, "refused", T0);

        var retried = failed.WithStatus(JournalStatus.Queued, "retry by anna", At(1))
            .WithStatus(JournalStatus.Running, "sending", At(2))
            .WithStatus(JournalStatus.Failed, "refused", At(3));

        Assert.Equal(4, retried.History.Count);
        Assert.Equal(1, retried.ConsecutiveFailures);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(4, 40)]
    [InlineData(7, 320)]
    [InlineData(8, 360)]
    [InlineData(1000, 360)]
    public void RetryBackoff_ConsecutiveFailures_DoublesTheWaitUpToSixHours(int failures, int minutes)
    {
        Assert.Equal(At(minutes), RetryBackoff.NextAttemptAt(failures, T0));
    }

    private static JournalEntry New() => new() { Key = new JournalKey(new ConnectionId("market-1"), RecordKind.ArticleStock, "A1"), UpdatedAt = T0 };

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);
}
