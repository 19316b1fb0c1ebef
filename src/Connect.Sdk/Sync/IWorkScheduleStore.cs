namespace Connect.Sdk.Sync;

/// <summary>Where the schedule state of each connection's work is kept. Part of the host SPI's store contracts.</summary>
public interface IWorkScheduleStore
{
    /// <summary>Reads the schedule state of one kind of work.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="kind">The kind of work.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state; a fresh one (version zero) when none is stored.</returns>
    ValueTask<WorkSchedule> GetAsync(ConnectionId connection, WorkKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the schedule states of every kind of work of many connections at once: what the planner reads on each pass,
    /// so one read (or one per chunk) instead of one per connection and kind. A store that does not override it reads
    /// them one by one with <see cref="GetAsync"/>.
    /// </summary>
    /// <param name="connections">The connections.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The stored states of those connections, in no particular order; a connection and kind not among them has a fresh
    /// state (version zero). Each state is read whole (its requests with it), as <see cref="GetAsync"/> reads it.
    /// </returns>
    async ValueTask<IReadOnlyList<WorkSchedule>> GetManyAsync(IReadOnlyCollection<ConnectionId> connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var stored = new List<WorkSchedule>();
        foreach (var connection in connections)
        {
            foreach (var kind in Enum.GetValues<WorkKind>())
            {
                if (await GetAsync(connection, kind, cancellationToken).ConfigureAwait(false) is { Version: not 0 } schedule)
                {
                    stored.Add(schedule);
                }
            }
        }

        return stored;
    }

    /// <summary>Saves the state if nobody saved it since it was read (its version still matches).</summary>
    /// <param name="schedule">The state as read and changed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The saved state with its new version, or <see langword="null"/> when another writer got there first.</returns>
    ValueTask<WorkSchedule?> TrySaveAsync(WorkSchedule schedule, CancellationToken cancellationToken);
}
