using Connect.Sdk.Journal;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Tests.Journal;

public sealed class JournalHistoryBoundTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 3, 8, 0);

    [Fact]
    public void Apply_HistoryAtTheBound_ReturnsTheEntryAsIs()
    {
        var entry = FailingWithNewMessages(runs: 25); // "mapped" and 25 runs of two lines: 51 lines
        var atBound = entry with { History = entry.History.Skip(1).ToArray() };

        var bounded = new JournalHistoryBound(50).Apply(atBound);

        Assert.Same(atBound, bounded);
        Assert.Null(bounded.EarlierHistory);
    }

    [Fact]
    public void Apply_HistoryPastTheBound_FoldsTheOldestFifthKeepingTheFirstLineAndTheNewestAsTheyAre()
    {
        var entry = FailingWithNewMessages(runs: 25);

        var bounded = new JournalHistoryBound(50).Apply(entry);

        Assert.Equal(entry.History.Skip(11), bounded.History);
        var summary = Assert.IsType<JournalHistorySummary>(bounded.EarlierHistory);
        Assert.Equal((11, 11, 5, 5), (summary.Lines, summary.Changes, summary.Failures, summary.FailuresInARow));
        Assert.Equal((T0, entry.History[10].At), (summary.From, summary.To));
        Assert.Equal((JournalStatus.NotSynced, "mapped"), (summary.FirstStatus, summary.FirstMessage));
        Assert.Equal(
            "11 earlier change(s) from 2026-01-03T08:00:00Z to 2026-01-03T08:27:30Z, 5 of them failed; the first: NotSynced \"mapped\"",
            summary.Text);
        Assert.Equal(51, bounded.HistoryLineCount);
        Assert.Equal((entry.Status, entry.ReachedAt, entry.ConsecutiveFailures), (bounded.Status, bounded.ReachedAt, bounded.ConsecutiveFailures));
    }

    [Fact]
    public void Apply_FoldedAgain_AddsToTheSummaryAndKeepsTheFirstLine()
    {
        var bound = new JournalHistoryBound(50);
        var once = bound.Apply(FailingWithNewMessages(runs: 25));
        var grown = once with { History = [.. once.History, .. FailingWithNewMessages(runs: 6, from: T0 + Duration.FromDays(1)).History.Skip(1)] };

        var twice = bound.Apply(grown);

        Assert.Equal(40, twice.History.Count);
        Assert.Equal(grown.History.Skip(12), twice.History);
        var summary = Assert.IsType<JournalHistorySummary>(twice.EarlierHistory);
        Assert.Equal((23, 23, 11, 11), (summary.Lines, summary.Changes, summary.Failures, summary.FailuresInARow));
        Assert.Equal(31, twice.ConsecutiveFailures);
        Assert.Equal((T0, "mapped"), (summary.From, summary.FirstMessage));
        Assert.Equal(grown.HistoryLineCount, twice.HistoryLineCount);
    }

    [Fact]
    public void Apply_RepeatsOnFoldedLines_CountsEveryChange()
    {
        var entry = FailingWithNewMessages(runs: 25);
        var repeated = entry with { History = [entry.History[0], entry.History[1], entry.History[2] with { Repeats = 4, LastRepeatedAt = T0 + Duration.FromHours(1) }, .. entry.History.Skip(3)] };

        var summary = new JournalHistoryBound(50).Apply(repeated).EarlierHistory;

        Assert.NotNull(summary);
        Assert.Equal((11, 15, 9, 9), (summary.Lines, summary.Changes, summary.Failures, summary.FailuresInARow));
    }

    [Fact]
    public void ConsecutiveFailures_UserRetryAmongTheFoldedLines_CountsOnlyTheFailuresAfterIt()
    {
        var failing = FailingWithNewMessages(runs: 3);
        var retried = failing.WithStatus(JournalStatus.Queued, "retry by anna", T0 + Duration.FromHours(1));
        var entry = retried with { Status = JournalStatus.Failed, History = [.. retried.History, .. FailingWithNewMessages(runs: 24, from: T0 + Duration.FromHours(2)).History.Skip(1)] };

        var bounded = new JournalHistoryBound(50).Apply(entry);

        Assert.NotNull(bounded.EarlierHistory);
        Assert.Equal((24, 24), (entry.ConsecutiveFailures, bounded.ConsecutiveFailures));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10_001)]
    public void Constructor_BoundOutOfRange_Throws(int maxLines)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JournalHistoryBound(maxLines));
    }

    [Fact]
    public async Task SetStatus_PriceFailingWithANewMessageEveryRunForAYear_KeepsTheHistoryWithinTheBound()
    {
        var clock = new FakeClock(T0);
        var store = new InMemoryJournalStore();
        var journal = new SyncJournal(store, clock);
        var key = new JournalKey(new ConnectionId("market-1"), RecordKind.ArticlePrice, "4711");
        await journal.SetStatusAsync(key, JournalStatus.NotSynced, "mapped", default);
        var longest = 0;

        // A year of 5-minute runs would be 105,120; a thousand runs fold the history 25 times over.
        for (var run = 1; run <= 1000; run++)
        {
            clock.Advance(Duration.FromMinutes(5));
            await journal.SetStatusAsync(key, JournalStatus.Running, "sending price", default);
            var entry = await journal.SetStatusAsync(key, JournalStatus.Failed, $"price refused: rule {run % 7} ({run})", default);
            longest = Math.Max(longest, entry.History.Count);
        }

        var stored = await store.GetAsync(key, default);
        Assert.NotNull(stored);
        Assert.Equal(50, longest);
        var summary = Assert.IsType<JournalHistorySummary>(stored.EarlierHistory);
        Assert.Equal(2001, stored.HistoryLineCount);
        Assert.Equal(2001, summary.Changes + stored.History.Count);
        Assert.Equal(1000, summary.Failures + stored.History.Count(h => h.To == JournalStatus.Failed));
        Assert.Equal((T0, JournalStatus.NotSynced, "mapped"), (summary.From, summary.FirstStatus, summary.FirstMessage));
        Assert.Equal("price refused: rule 6 (1000)", stored.History[^1].Message);
        Assert.Equal(clock.GetCurrentInstant(), stored.ReachedAt);
    }

    // "mapped", then runs failing each with a message of its own: Running and Failed lines in turn, five minutes apart.
    private static JournalEntry FailingWithNewMessages(int runs, Instant? from = null)
    {
        var start = from ?? T0;
        var entry = new JournalEntry { Key = new JournalKey(new ConnectionId("market-1"), RecordKind.ArticlePrice, "4711"), UpdatedAt = start }
            .WithStatus(JournalStatus.NotSynced, "mapped", start);
        for (var run = 1; run <= runs; run++)
        {
            var at = start + Duration.FromMinutes(5 * run);
            entry = entry.WithStatus(JournalStatus.Running, "sending price", at)
                .WithStatus(JournalStatus.Failed, $"price refused ({run})", at + Duration.FromMinutes(2.5));
        }

        return entry;
    }
}
