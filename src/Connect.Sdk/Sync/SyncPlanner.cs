using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Lifecycle;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>
/// Works out what is due: the scheduled work of productive connections (orders every 15 minutes, stock
/// and price changes, their full reconciles) and every run requested by a user or an ERP change, each only where the
/// allowed-actions table lets it run.
/// </summary>
internal sealed class SyncPlanner(IConnectionStore connections, WorkScheduleBook schedules, IOptions<ConnectSdkOptions> options)
{
    public async ValueTask<DuePlan> PlanAsync(Instant now, Duration lookAhead, CancellationToken cancellationToken)
    {
        var due = new List<WorkItem>();
        var upcoming = new List<WorkItem>();
        Instant? next = null;
        // Two reads whatever the number of connections: the connections, then all their schedules at once. One read per
        // connection and kind made each pass cost thousands of round trips at a thousand connections.
        var listed = new List<Connection>();
        await foreach (var connection in connections.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            listed.Add(connection);
        }

        var stored = await schedules.GetManyAsync([.. listed.Select(connection => connection.Id)], cancellationToken).ConfigureAwait(false);
        var kinds = Enum.GetValues<WorkKind>();
        foreach (var connection in listed)
        {
            foreach (var kind in kinds)
            {
                var schedule = stored.GetValueOrDefault((connection.Id, kind)) ?? new WorkSchedule(connection.Id, kind);
                // Work that never ran on the schedule is due since the connection was created (not since each plan's
                // "now"), so it ages like any other item and cannot starve behind a backlog of work due earlier.
                var neverRunDueAt = Instant.Min(connection.CreatedAt, now);
                foreach (var candidate in Candidates(connection.Id, schedule, neverRunDueAt))
                {
                    // A paused kind of work is not planned at all: it waits for the user, not for a time.
                    if (!AllowedActions.Decide(connection, kind.Feature(), candidate.Trigger).IsAllowed || schedule.IsPausedFor(connection, candidate.Trigger))
                    {
                        continue;
                    }

                    if (candidate.DueAt <= now)
                    {
                        due.Add(candidate);
                    }
                    else
                    {
                        if (next is null || candidate.DueAt < next)
                        {
                            next = candidate.DueAt;
                        }

                        if (candidate.DueAt <= now + lookAhead)
                        {
                            upcoming.Add(candidate);
                        }
                    }
                }
            }
        }

        due.Sort((a, b) => a.DueAt.CompareTo(b.DueAt));
        ReconcileBeforeDelta(due, WorkKind.StockSync, WorkKind.StockReconcile);
        ReconcileBeforeDelta(due, WorkKind.PriceSync, WorkKind.PriceReconcile);
        upcoming.Sort((a, b) => a.DueAt.CompareTo(b.DueAt));
        return new DuePlan(due, next) { Upcoming = upcoming };
    }

    /// <summary>
    /// Whether <paramref name="item"/> is still due by its schedule as stored now: a worker that claimed it after another
    /// ran it since the plan (its request consumed, its schedule moved on) leaves it. The allowed actions and pauses are
    /// checked by the run, as for any item.
    /// </summary>
    public bool IsDue(WorkItem item, WorkSchedule schedule, Instant now) =>
        Candidates(item.Connection, schedule, neverRunDueAt: now).Any(candidate => candidate.Trigger == item.Trigger && candidate.DueAt <= now);

    // A connection's reconcile sends every article, so when its delta is due in the same plan the reconcile goes
    // first: the delta then finds nothing changed, instead of the reconcile sending what the delta just sent again
    // (as in the first cycle, where both are due at once). Stock and prices each have the pair.
    private static void ReconcileBeforeDelta(List<WorkItem> due, WorkKind delta, WorkKind reconcileKind)
    {
        for (var i = 0; i < due.Count; i++)
        {
            if (due[i].Kind != delta)
            {
                continue;
            }

            var sync = due[i];
            var reconcile = due.FindIndex(i + 1, w => w.Kind == reconcileKind && w.Connection == sync.Connection);
            if (reconcile > i)
            {
                (due[i], due[reconcile]) = (due[reconcile], due[i]);
            }
        }
    }

    private IEnumerable<WorkItem> Candidates(ConnectionId connection, WorkSchedule schedule, Instant neverRunDueAt)
    {
        foreach (var (trigger, requestedAt) in schedule.Requests)
        {
            yield return new WorkItem(connection, schedule.Kind, trigger, requestedAt);
        }

        if (Interval(schedule.Kind) is { } interval && !schedule.Requests.ContainsKey(SyncTrigger.Scheduled))
        {
            // Never run on the schedule: already due, so a connection just switched to productive starts at once.
            var dueAt = schedule.LastScheduledRunAt is { } last ? last + interval : neverRunDueAt;
            yield return new WorkItem(connection, schedule.Kind, SyncTrigger.Scheduled, dueAt);
        }
    }

    private Duration? Interval(WorkKind kind) => kind switch
    {
        WorkKind.OrderImport => options.Value.OrderImportInterval,
        WorkKind.StockSync => options.Value.StockSyncInterval,
        WorkKind.StockReconcile => options.Value.StockReconcileInterval,
        WorkKind.PriceSync => options.Value.PriceSyncInterval,
        WorkKind.PriceReconcile => options.Value.PriceReconcileInterval,
        _ => null,
    };
}
