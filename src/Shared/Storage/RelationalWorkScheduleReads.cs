using System.Collections.Frozen;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The batch read of the SQL schedule stores: the stored states of many connections with their requests in one
/// statement (so one snapshot on either database), whatever the number of connections.
/// </summary>
internal sealed class RelationalWorkScheduleReads(RelationalDatabase database)
{
    public ValueTask<IReadOnlyList<WorkSchedule>> GetManyAsync(IReadOnlyCollection<ConnectionId> connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        if (connections.Count == 0)
        {
            return ValueTask.FromResult<IReadOnlyList<WorkSchedule>>([]);
        }

        var ids = connections.Select(connection => connection.Value).Distinct(StringComparer.Ordinal).ToArray();
        return database.ReadAsync<IReadOnlyList<WorkSchedule>>(
            async (db, snapshot, ct) =>
            {
                // A state with several requests comes as several rows in a row (ordered by the key), one per request.
                await using var select = database.Dialect.WithTextList(
                    db.Command(snapshot, $"""
                        SELECT s.connection, s.kind, s.last_scheduled_run_at, s.version, s.paused_at, s.paused_connection_version, r.trigger, r.requested_at
                        FROM work_schedules s LEFT JOIN work_schedule_requests r ON r.connection = s.connection AND r.kind = s.kind
                        WHERE {database.Dialect.InTextList("s.connection", "ids")}
                        ORDER BY s.connection, s.kind;
                        """),
                    "ids",
                    ids);
                var schedules = new List<WorkSchedule>();
                WorkSchedule? current = null;
                var requests = new Dictionary<SyncTrigger, Instant>();
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var connection = new ConnectionId(reader.GetString(0));
                    var kind = Enum.Parse<WorkKind>(reader.GetString(1));
                    if (current is null || current.Connection != connection || current.Kind != kind)
                    {
                        Complete(schedules, current, requests);
                        current = new WorkSchedule(connection, kind)
                        {
                            LastScheduledRunAt = reader.GetNullableInstant(2),
                            Version = reader.GetInt64(3),
                            Pause = reader.GetNullableInstant(4) is { } pausedAt ? new WorkPause(pausedAt, reader.GetInt64(5)) : null,
                        };
                    }

                    if (!reader.IsDBNull(6))
                    {
                        requests.Add(Enum.Parse<SyncTrigger>(reader.GetString(6)), reader.GetInstant(7));
                    }
                }

                Complete(schedules, current, requests);
                return schedules;
            },
            cancellationToken);
    }

    private static void Complete(List<WorkSchedule> schedules, WorkSchedule? schedule, Dictionary<SyncTrigger, Instant> requests)
    {
        if (schedule is null)
        {
            return;
        }

        schedules.Add(requests.Count == 0 ? schedule : schedule with { Requests = requests.ToFrozenDictionary() });
        requests.Clear();
    }
}
