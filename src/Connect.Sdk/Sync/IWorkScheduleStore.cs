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

    /// <summary>Saves the state if nobody saved it since it was read (its version still matches).</summary>
    /// <param name="schedule">The state as read and changed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The saved state with its new version, or <see langword="null"/> when another writer got there first.</returns>
    ValueTask<WorkSchedule?> TrySaveAsync(WorkSchedule schedule, CancellationToken cancellationToken);
}
