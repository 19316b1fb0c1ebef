using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;

namespace Connect.Sdk.Sync;

/// <summary>
/// Queues records for a manual run: checks the allowed-actions table for a manual trigger, moves each
/// record's journal entry to <see cref="JournalStatus.Queued"/> (unless it is queued or running already,
/// so nothing is queued twice) and asks the schedule for a manual run of the work kind. The runner then
/// processes the connection's queued entries.
/// </summary>
internal sealed class ManualWorkQueue(IConnectionStore connections, SyncJournal journal, WorkScheduleBook schedules)
{
    public async ValueTask<QueueResult> QueueAsync(
        ConnectionId connection,
        WorkKind work,
        RecordKind kind,
        IEnumerable<string> recordKeys,
        string message,
        CancellationToken cancellationToken,
        Func<JournalEntry, JournalEntry>? details = null,
        IReadOnlyList<QueueRejection>? rejected = null)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        if (await RefusalAsync(connection, work, SyncTrigger.Manual, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return QueueResult.Refused(refusal);
        }

        // Requested before the entries are written as well as after: a crash in between must not leave queued
        // entries with no run coming (a run that finds nothing queued is harmless).
        var keys = recordKeys.Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length > 0)
        {
            await schedules.RequestAsync(connection, work, SyncTrigger.Manual, cancellationToken).ConfigureAwait(false);
        }

        // One journal write per thousand records, so that queueing a whole filter of 10,000 is ten transactions.
        var waiting = new Dictionary<string, bool>(StringComparer.Ordinal);
        await journal.UpdateManyAsync(
            keys.Select(key => new JournalChange(
                new JournalKey(connection, kind, key),
                (entry, now) =>
                {
                    var wasWaiting = entry.Version > 0 && entry.Status is JournalStatus.Queued or JournalStatus.Running;
                    waiting[key] = wasWaiting;
                    if (wasWaiting)
                    {
                        return entry;
                    }

                    var changed = entry.WithStatus(JournalStatus.Queued, message, now);
                    return details is null ? changed : details(changed);
                })).ToArray(),
            cancellationToken).ConfigureAwait(false);
        var queued = keys.Where(key => !waiting[key]).ToList();
        var already = keys.Where(key => waiting[key]).ToList();

        // Also when every record was already waiting: entries left behind by a run that broke off need a run too.
        if (queued.Count > 0 || already.Count > 0)
        {
            await schedules.RequestAsync(connection, work, SyncTrigger.Manual, cancellationToken).ConfigureAwait(false);
        }

        return new QueueResult { Queued = queued, AlreadyQueued = already, Rejected = rejected ?? [] };
    }

    /// <summary>
    /// Asks for a run without queueing journal entries when the allowed-actions table lets it run (e.g. "fetch
    /// orders now"); a refused request is not stored, so it cannot fire, stale, once the connection changes.
    /// </summary>
    public async ValueTask<QueueResult> RequestIfAllowedAsync(ConnectionId connection, WorkKind work, SyncTrigger trigger, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(connection, work, trigger, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return QueueResult.Refused(refusal);
        }

        await schedules.RequestAsync(connection, work, trigger, cancellationToken).ConfigureAwait(false);
        return new QueueResult();
    }

    /// <summary>Asks for a run without queueing journal entries (e.g. an ERP change to export, a stock change).</summary>
    public ValueTask<WorkSchedule> RequestAsync(ConnectionId connection, WorkKind work, SyncTrigger trigger, CancellationToken cancellationToken) =>
        schedules.RequestAsync(connection, work, trigger, cancellationToken);

    /// <summary>
    /// The keys of a connection's entries of a kind that wait for a manual run: <see cref="JournalStatus.Queued"/>
    /// ones, and <see cref="JournalStatus.Running"/> ones left behind by a run that broke off. Call it only under
    /// the connection's lease: then no other run is going on, so every Running entry is such a leftover.
    /// </summary>
    public async ValueTask<IReadOnlyList<string>> QueuedKeysAsync(ConnectionId connection, RecordKind kind, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var query = new JournalQuery(connection, kind) { Statuses = [JournalStatus.Queued, JournalStatus.Running] };
        await foreach (var key in journal.ListKeysAsync(query, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key.RecordKey);
        }

        return keys;
    }

    private async ValueTask<string?> RefusalAsync(ConnectionId connection, WorkKind work, SyncTrigger trigger, CancellationToken cancellationToken)
    {
        var state = await connections.GetAsync(connection, cancellationToken).ConfigureAwait(false);
        return state is null
            ? $"Connection {connection} does not exist."
            : AllowedActions.Decide(state, work.Feature(), trigger).Reason;
    }
}
