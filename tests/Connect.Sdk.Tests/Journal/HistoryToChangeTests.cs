using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Tests.Journal;

public sealed class HistoryToChangeTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 3, 8, 0);

    // Each letter a line by the status it moved to: N not synced, R running, S succeeded, F failed, W warning.
    [Theory]
    [InlineData("", 0)]
    [InlineData("N", 0)]
    [InlineData("NR", 0)]
    [InlineData("NRS", 1)]
    [InlineData("NRSRS", 3)]
    [InlineData("NRSRSRF", 4)] // back to the last success
    [InlineData("NRSRSRFRF", 4)]
    [InlineData("NRFRFRF", 0)] // the failures reach the first line, which ends them
    [InlineData("RFRFRF", 0)] // failures all the way: into the folded lines
    [InlineData("NRSRW", 3)]
    [InlineData("NRFRFRS", 5)]
    public void Start_History_KeepsTheNewestTwoAndEveryLineBackToTheEndOfTheFailures(string lines, int start)
    {
        Assert.Equal(start, HistoryToChange.Start(History(lines)));
    }

    [Fact]
    public void Of_LongHistory_LeavesOutTheOlderLinesAndCountsThem()
    {
        var whole = new JournalEntry { Key = new JournalKey(new ConnectionId("market-1"), RecordKind.ArticleStock, "4711"), UpdatedAt = T0, Status = JournalStatus.Failed, History = History("NRSRSRFRF") };

        var tail = HistoryToChange.Of(whole);

        Assert.Equal(4, tail.HistoryLinesNotRead);
        Assert.Equal(whole.History.Skip(4), tail.History);
        Assert.Equal((whole.HistoryLineCount, whole.ConsecutiveFailures, whole.ReachedAt), (tail.HistoryLineCount, tail.ConsecutiveFailures, tail.ReachedAt));
    }

    private static JournalStatusChange[] History(string lines) =>
    [
        .. lines.Select((letter, i) => new JournalStatusChange(
            T0 + Duration.FromMinutes(i),
            i == 0 ? JournalStatus.NotSynced : Status(lines[i - 1]),
            Status(letter),
            $"line {i}")),
    ];

    private static JournalStatus Status(char letter) => letter switch
    {
        'N' => JournalStatus.NotSynced,
        'R' => JournalStatus.Running,
        'S' => JournalStatus.Succeeded,
        'F' => JournalStatus.Failed,
        'W' => JournalStatus.Warning,
        _ => throw new ArgumentOutOfRangeException(nameof(letter)),
    };
}
