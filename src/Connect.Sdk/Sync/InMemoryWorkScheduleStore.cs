namespace Connect.Sdk.Sync;

/// <summary>An <see cref="IWorkScheduleStore"/> in memory, for tests.</summary>
public sealed class InMemoryWorkScheduleStore : IWorkScheduleStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ConnectionId, WorkKind), WorkSchedule> _schedules = [];

    /// <inheritdoc />
    public ValueTask<WorkSchedule> GetAsync(ConnectionId connection, WorkKind kind, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_schedules.GetValueOrDefault((connection, kind)) ?? new WorkSchedule(connection, kind));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<WorkSchedule>> GetManyAsync(IReadOnlyCollection<ConnectionId> connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        cancellationToken.ThrowIfCancellationRequested();
        var wanted = connections.ToHashSet();
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<WorkSchedule>>([.. _schedules.Values.Where(schedule => wanted.Contains(schedule.Connection))]);
        }
    }

    /// <inheritdoc />
    public ValueTask<WorkSchedule?> TrySaveAsync(WorkSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var key = (schedule.Connection, schedule.Kind);
            var stored = _schedules.GetValueOrDefault(key)?.Version ?? 0;
            if (stored != schedule.Version)
            {
                return ValueTask.FromResult<WorkSchedule?>(null);
            }

            var saved = schedule with { Version = stored + 1 };
            _schedules[key] = saved;
            return ValueTask.FromResult<WorkSchedule?>(saved);
        }
    }
}
