using Connect.Sdk.Lifecycle;
using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>Changes schedule state with optimistic concurrency, retrying on a lost race so that no request is lost.</summary>
internal sealed class WorkScheduleBook(IWorkScheduleStore store, IClock clock)
{
    private const int MaxAttempts = 10;

    public ValueTask<WorkSchedule> GetAsync(ConnectionId connection, WorkKind kind, CancellationToken cancellationToken) =>
        store.GetAsync(connection, kind, cancellationToken);

    /// <summary>The stored schedule states of many connections, by connection and kind; the ones missing are fresh.</summary>
    public async ValueTask<IReadOnlyDictionary<(ConnectionId Connection, WorkKind Kind), WorkSchedule>> GetManyAsync(IReadOnlyCollection<ConnectionId> connections, CancellationToken cancellationToken)
    {
        var stored = await store.GetManyAsync(connections, cancellationToken).ConfigureAwait(false);
        var byKey = new Dictionary<(ConnectionId, WorkKind), WorkSchedule>(stored.Count);
        foreach (var schedule in stored)
        {
            byKey[(schedule.Connection, schedule.Kind)] = schedule;
        }

        return byKey;
    }

    /// <summary>Asks for a run of a kind of work; the planner reports it as due from now on.</summary>
    public ValueTask<WorkSchedule> RequestAsync(ConnectionId connection, WorkKind kind, SyncTrigger trigger, CancellationToken cancellationToken) =>
        RequestAsync(connection, kind, trigger, clock.GetCurrentInstant(), cancellationToken);

    /// <summary>Asks for a run that becomes due at a given instant (an earlier request of the same trigger wins).</summary>
    public ValueTask<WorkSchedule> RequestAsync(ConnectionId connection, WorkKind kind, SyncTrigger trigger, Instant dueAt, CancellationToken cancellationToken) =>
        ChangeAsync(connection, kind, s => s.WithRequest(trigger, dueAt), cancellationToken);

    public ValueTask<WorkSchedule> RecordRunStartedAsync(ConnectionId connection, WorkKind kind, SyncTrigger trigger, Instant startedAt, CancellationToken cancellationToken) =>
        ChangeAsync(connection, kind, s => s.WithRunStarted(trigger, startedAt), cancellationToken);

    /// <summary>Pauses the automatic runs of a kind of work until the user acts (see <see cref="WorkPause"/>).</summary>
    public ValueTask<WorkSchedule> PauseAsync(ConnectionId connection, WorkKind kind, WorkPause pause, CancellationToken cancellationToken) =>
        ChangeAsync(connection, kind, s => s with { Pause = pause }, cancellationToken);

    /// <summary>Lifts a pause; a schedule without one is not written.</summary>
    public ValueTask<WorkSchedule> ResumeAsync(ConnectionId connection, WorkKind kind, CancellationToken cancellationToken) =>
        ChangeAsync(connection, kind, s => s.Pause is null ? s : s with { Pause = null }, cancellationToken);

    /// <summary>Lifts the pause only if it is this one: another failure's later pause stays.</summary>
    public ValueTask<WorkSchedule> ResumeAsync(ConnectionId connection, WorkKind kind, WorkPause pause, CancellationToken cancellationToken) =>
        ChangeAsync(connection, kind, s => s.Pause == pause ? s with { Pause = null } : s, cancellationToken);

    private async ValueTask<WorkSchedule> ChangeAsync(ConnectionId connection, WorkKind kind, Func<WorkSchedule, WorkSchedule> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(connection, kind, cancellationToken).ConfigureAwait(false);
            var changed = change(current);
            if (ReferenceEquals(changed, current))
            {
                return current;
            }

            if (await store.TrySaveAsync(changed, cancellationToken).ConfigureAwait(false) is { } saved)
            {
                return saved;
            }

            if (attempt == MaxAttempts)
            {
                throw new ConnectSdkException(ConnectSdkErrorCode.Conflict, $"The {kind} schedule of {connection} kept changing under {MaxAttempts} attempts to update it.") { ConnectionId = connection };
            }
        }
    }
}
