using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;

namespace Connect.Sdk.Stock;

/// <summary>
/// Says why a connection's stock does not go out on the schedule — its stock feature is off, the connection is not
/// productive, or its stock is in Test mode — on the entries of articles that have not synced since they were mapped,
/// so that the journal gives the reason while no scheduled run can. The reason is written when the articles are
/// mapped and again whenever a lifecycle change changes it, also when the change leaves no reason.
/// </summary>
/// <remarks>
/// A change rewrites the waiting entries in batches of 1,000, one store read and one store write each, so a lifecycle
/// call on a connection with 10,000 mapped articles makes twenty store calls rather than 10,000 while the user waits.
/// </remarks>
internal sealed class ScheduledStockHold(SyncJournal journal)
{
    /// <summary>How the message of an article not synced since it was mapped begins.</summary>
    public const string NotSyncedYet = "stock not synced yet";

    private const int BatchSize = 1_000;

    /// <summary>Why the connection's stock is not synced on the schedule, or <see langword="null"/> when it is.</summary>
    public static string? ReasonFor(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var mode = connection.ModeOf(FeatureKind.Stock);
        return mode == FeatureMode.Off ? $"stock is off on connection {connection.Id}; switch it on (Test mode to sync articles by hand from the journal, integration mode for the schedule)"
            : !connection.IsProductive ? $"connection {connection.Id} is not productive (switch productive mode on, or sync articles by hand from the journal)"
            : mode == FeatureMode.Test ? $"stock is in Test mode on connection {connection.Id}, not in integration mode (put it into integration mode, or sync articles by hand from the journal)"
            : null;
    }

    /// <summary>What an article not synced since it was mapped says, with the connection's reason if there is one.</summary>
    public static string NotSyncedYetMessage(string? reason) => reason is null ? NotSyncedYet : $"{NotSyncedYet}: {reason}";

    /// <summary>After a lifecycle change: gives the connection's new reason (or none) to every article not synced since it was mapped.</summary>
    public async ValueTask NoteChangeAsync(Connection before, Connection after, CancellationToken cancellationToken)
    {
        var reason = ReasonFor(after);
        if (reason == ReasonFor(before))
        {
            return;
        }

        var message = NotSyncedYetMessage(reason);
        var waiting = new JournalQuery(after.Id, RecordKind.ArticleStock) { Statuses = [JournalStatus.NotSynced] };
        var keys = new List<JournalKey>();
        await foreach (var key in journal.ListKeysAsync(waiting, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        foreach (var batch in keys.Chunk(BatchSize))
        {
            await journal.UpdateManyAsync(
                batch,
                (entry, now) => entry.Status == JournalStatus.NotSynced && IsWaitingSinceMapped(entry) && entry.Message != message
                    ? entry.WithStatus(JournalStatus.NotSynced, message, now)
                    : entry,
                cancellationToken).ConfigureAwait(false);
        }
    }

    // Entries with an article's own reason (switched off, Demo, test-phase mapping) keep it.
    private static bool IsWaitingSinceMapped(JournalEntry entry) =>
        entry.Message is { } message
        && (message.StartsWith(NotSyncedYet, StringComparison.Ordinal) || message.Contains("; " + NotSyncedYet, StringComparison.Ordinal));
}
