using System.Collections.Frozen;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Sync;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IWorkScheduleStore"/> in a SQLite file: one row per connection and kind of work with a version for
/// optimistic concurrency, and the pending run requests as rows beside it.
/// </summary>
public sealed class SqliteWorkScheduleStore : IWorkScheduleStore
{
    private readonly SqliteDatabase _database;
    private readonly RelationalWorkScheduleReads _reads;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteWorkScheduleStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _reads = new RelationalWorkScheduleReads(new SqliteRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<WorkSchedule> GetAsync(ConnectionId connection, WorkKind kind, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async (db, ct) =>
            {
                // One read transaction, so the state and its requests come from the same snapshot.
                await using var snapshot = db.BeginTransaction(deferred: true);
                await using var select = db.Command(snapshot, "SELECT last_scheduled_run_at, version, paused_at, paused_connection_version FROM work_schedules WHERE connection = $connection AND kind = $kind;")
                    .With("$connection", connection.Value)
                    .With("$kind", kind.ToString());
                Instant? lastRun;
                long version;
                WorkPause? pause;
                await using (var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        return new WorkSchedule(connection, kind);
                    }

                    lastRun = reader.GetNullableInstant(0);
                    version = reader.GetInt64(1);
                    pause = reader.GetNullableInstant(2) is { } pausedAt ? new WorkPause(pausedAt, reader.GetInt64(3)) : null;
                }

                await using var requests = db.Command(snapshot, "SELECT trigger, requested_at FROM work_schedule_requests WHERE connection = $connection AND kind = $kind;")
                    .With("$connection", connection.Value)
                    .With("$kind", kind.ToString());
                var pending = new Dictionary<SyncTrigger, Instant>();
                await using (var reader = await requests.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        pending.Add(Enum.Parse<SyncTrigger>(reader.GetString(0)), reader.GetInstant(1));
                    }
                }

                return new WorkSchedule(connection, kind) { LastScheduledRunAt = lastRun, Requests = pending.ToFrozenDictionary(), Pause = pause, Version = version };
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>One statement for all the connections, the states joined with their requests.</remarks>
    public ValueTask<IReadOnlyList<WorkSchedule>> GetManyAsync(IReadOnlyCollection<ConnectionId> connections, CancellationToken cancellationToken) =>
        _reads.GetManyAsync(connections, cancellationToken);

    /// <inheritdoc />
    public ValueTask<WorkSchedule?> TrySaveAsync(WorkSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(schedule.Requests, nameof(schedule));
        return _database.WriteAsync<WorkSchedule?>(
            async (db, transaction, ct) =>
            {
                // Version zero inserts, and finds a stored state a conflict; any other version must match the stored
                // one. Either way no row changed means another writer got there first.
                await using var save = db.Command(transaction, schedule.Version == 0
                        ? "INSERT INTO work_schedules (connection, kind, last_scheduled_run_at, paused_at, paused_connection_version, version) VALUES ($connection, $kind, $last_run, $paused_at, $paused_version, 1) ON CONFLICT DO NOTHING;"
                        : "UPDATE work_schedules SET last_scheduled_run_at = $last_run, paused_at = $paused_at, paused_connection_version = $paused_version, version = version + 1 WHERE connection = $connection AND kind = $kind AND version = $expected;")
                    .With("$connection", schedule.Connection.Value)
                    .With("$kind", schedule.Kind.ToString())
                    .With("$last_run", schedule.LastScheduledRunAt?.ToStored())
                    .With("$paused_at", schedule.Pause?.At.ToStored())
                    .With("$paused_version", schedule.Pause?.ConnectionVersion)
                    .With("$expected", schedule.Version);
                if (await save.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
                {
                    return null;
                }

                // The requests are current state, not history: replaced whole.
                await using var clear = db.Command(transaction, "DELETE FROM work_schedule_requests WHERE connection = $connection AND kind = $kind;")
                    .With("$connection", schedule.Connection.Value)
                    .With("$kind", schedule.Kind.ToString());
                await clear.ExecuteNonQueryAsync(ct).ConfigureAwait(false);

                // One prepared statement, rebound per request, like the other batches.
                await using var insert = db.Command(transaction, "INSERT INTO work_schedule_requests (connection, kind, trigger, requested_at) VALUES ($connection, $kind, $trigger, $at);")
                    .With("$connection", schedule.Connection.Value)
                    .With("$kind", schedule.Kind.ToString());
                var trigger = insert.Parameters.Add("$trigger", SqliteType.Text);
                var requestedAt = insert.Parameters.Add("$at", SqliteType.Integer);
                await insert.PrepareAsync(ct).ConfigureAwait(false);
                foreach (var (requested, at) in schedule.Requests)
                {
                    trigger.Value = requested.ToString();
                    requestedAt.Value = at.ToStored();
                    await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return schedule with { Version = schedule.Version + 1 };
            },
            cancellationToken);
    }
}
