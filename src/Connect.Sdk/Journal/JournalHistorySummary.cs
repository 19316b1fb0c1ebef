using System.Globalization;
using NodaTime;

namespace Connect.Sdk.Journal;

/// <summary>
/// The oldest lines of a long journal history, folded into one: how many status changes they held, from when to when,
/// how many of them failed, and the first line's status and message ("mapped" on the day the article was mapped).
/// An entry keeps its newest lines as they are (<see cref="JournalEntry.History"/>) and this summary of the ones before.
/// </summary>
public sealed record JournalHistorySummary
{
    /// <summary>
    /// How many history lines were folded: the position in the whole history where the kept lines start, and with them
    /// <see cref="JournalEntry.History"/> (after <see cref="JournalEntry.HistoryLinesNotRead"/> more, in an entry read to change it).
    /// </summary>
    public required int Lines { get; init; }

    /// <summary>How many status changes the folded lines held, repeats included.</summary>
    public required int Changes { get; init; }

    /// <summary>How many of those changes ended in <see cref="JournalStatus.Failed"/>, repeats included.</summary>
    public required int Failures { get; init; }

    /// <summary>
    /// How many failures the folded lines end in, in a row (repeats included, through the <see cref="JournalStatus.Running"/>
    /// lines between them, as <see cref="JournalEntry.ConsecutiveFailures"/> counts them), so that the count goes on
    /// across a fold.
    /// </summary>
    public required int FailuresInARow { get; init; }

    /// <summary>When the first folded change happened: the entry's first history line.</summary>
    public required Instant From { get; init; }

    /// <summary>When the last folded change happened (its last repeat).</summary>
    public required Instant To { get; init; }

    /// <summary>The status the entry's first history line moved to.</summary>
    public required JournalStatus FirstStatus { get; init; }

    /// <summary>The message of the entry's first history line, if it had one.</summary>
    public string? FirstMessage { get; init; }

    /// <summary>The summary as the journal shows it in place of the folded lines.</summary>
    public string Text => string.Create(
        CultureInfo.InvariantCulture,
        $"{Changes} earlier change(s) from {From} to {To}, {Failures} of them failed; the first: {FirstStatus}{(FirstMessage is null ? "" : $" \"{FirstMessage}\"")}");

    /// <summary>Folds the first <paramref name="count"/> lines of a history into an earlier summary (or a new one).</summary>
    internal static JournalHistorySummary Fold(JournalHistorySummary? earlier, IReadOnlyList<JournalStatusChange> history, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var first = history[0];
        var summary = earlier ?? new JournalHistorySummary
        {
            Lines = 0, Changes = 0, Failures = 0, FailuresInARow = 0, From = first.At, To = first.At, FirstStatus = first.To, FirstMessage = first.Message,
        };
        var changes = 0;
        var failures = 0;
        var inARow = summary.FailuresInARow;
        for (var i = 0; i < count; i++)
        {
            var times = history[i].Repeats + 1;
            changes += times;
            failures += history[i].To == JournalStatus.Failed ? times : 0;
            inARow = history[i].To switch
            {
                JournalStatus.Failed => inARow + times,
                JournalStatus.Running => inARow,
                _ => 0,
            };
        }

        var last = history[count - 1];
        return summary with
        {
            Lines = summary.Lines + count,
            Changes = summary.Changes + changes,
            Failures = summary.Failures + failures,
            FailuresInARow = inARow,
            To = last.LastRepeatedAt ?? last.At,
        };
    }
}
