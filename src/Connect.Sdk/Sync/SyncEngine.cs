using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Diagnostics;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>
/// The sync engine: tells the host's scheduler what is due and runs what the scheduler hands it. It starts
/// no thread of its own. Each run holds the connection's lease, so two workers (also two processes sharing one
/// store) never run the same connection's work at once: the lease is renewed on a timer while the run lasts, and
/// every write the lease guards carries it, so a run that lost it cannot write any more.
/// </summary>
public sealed class SyncEngine
{
    private readonly IConnectionStore _connections;
    private readonly ConnectorRegistry _connectors;
    private readonly ISecretStore _secrets;
    private readonly IWorkLeaseStore _leases;
    private readonly WorkScheduleBook _schedules;
    private readonly SyncPlanner _planner;
    private readonly RunJournal _runJournal;
    private readonly Dictionary<WorkKind, IWorkRunner> _runners;
    private readonly IClock _clock;
    private readonly TimeProvider _time;
    private readonly IOptions<ConnectSdkOptions> _options;
    private readonly ILogger _logger;

    internal SyncEngine(
        IConnectionStore connections,
        ConnectorRegistry connectors,
        ISecretStore secrets,
        IWorkLeaseStore leases,
        WorkScheduleBook schedules,
        SyncPlanner planner,
        RunJournal runJournal,
        IEnumerable<IWorkRunner> runners,
        IClock clock,
        TimeProvider time,
        IOptions<ConnectSdkOptions> options,
        ILogger<SyncEngine> logger)
    {
        _connections = connections;
        _connectors = connectors;
        _secrets = secrets;
        _leases = leases;
        _schedules = schedules;
        _planner = planner;
        _runJournal = runJournal;
        // As with other DI registrations, the last runner registered for a kind wins (tests replace runners this way).
        _runners = runners.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Last());
        _clock = clock;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>What is due now, and when the next work becomes due.</summary>
    /// <param name="cancellationToken">Cancels the planning.</param>
    /// <returns>The plan.</returns>
    public ValueTask<DuePlan> GetDueWorkAsync(CancellationToken cancellationToken) =>
        _planner.PlanAsync(_clock.GetCurrentInstant(), Duration.Zero, cancellationToken);

    /// <summary>
    /// What is due now, and the work that becomes due within <paramref name="lookAhead"/> (<see cref="DuePlan.Upcoming"/>):
    /// a scheduler that plans every poll interval asks for that interval, and starts the upcoming work when it is due
    /// without reading every connection's schedule again.
    /// </summary>
    /// <param name="lookAhead">How far ahead to list the work not due yet; zero for none.</param>
    /// <param name="cancellationToken">Cancels the planning.</param>
    /// <returns>The plan.</returns>
    public ValueTask<DuePlan> GetDueWorkAsync(Duration lookAhead, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lookAhead, Duration.Zero);
        return _planner.PlanAsync(_clock.GetCurrentInstant(), lookAhead, cancellationToken);
    }

    /// <summary>
    /// Claims, in one call to the lease store, up to <paramref name="limit"/> of <paramref name="items"/> for this worker:
    /// each claim is the lease on the item's connection. A connection another worker holds (or is claiming right now) is
    /// skipped, not waited for, and so is work another worker ran since it was planned (its lease already released): the
    /// claim reads the item's schedule again under the lease and gives the lease back when the item is no longer due.
    /// Hand each claim to <see cref="RunAsync(WorkClaim, CancellationToken)"/>, which releases its lease when the run ends.
    /// </summary>
    /// <param name="items">The work wanted, most wanted first, e.g. from <see cref="GetDueWorkAsync(CancellationToken)"/>; of several items of
    /// one connection only the first is claimed.</param>
    /// <param name="limit">How many items to claim at most, e.g. the free run slots.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>
    /// The items claimed, in the order given, and the items found no longer due (<see cref="WorkClaims.NoLongerDue"/>); the
    /// others were held by another worker or past the limit.
    /// </returns>
    public async ValueTask<WorkClaims> ClaimAsync(IReadOnlyList<WorkItem> items, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var options = _options.Value;
        var wanted = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var item in items)
        {
            var key = LeaseKey(item.Connection);
            if (wanted.TryAdd(key, item))
            {
                keys.Add(key);
            }
        }

        if (keys.Count == 0 || limit == 0)
        {
            return WorkClaims.None;
        }

        var leases = await _leases.TryClaimAsync(keys, limit, options.WorkerId, _clock.GetCurrentInstant(), options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        var claims = new List<WorkClaim>(leases.Count);
        var noLongerDue = new List<WorkItem>();
        try
        {
            foreach (var lease in leases)
            {
                var item = wanted[lease.Key];
                var schedule = await _schedules.GetAsync(item.Connection, item.Kind, cancellationToken).ConfigureAwait(false);
                if (_planner.IsDue(item, schedule, _clock.GetCurrentInstant()))
                {
                    claims.Add(new WorkClaim(item, lease));
                }
                else
                {
                    // Another worker ran it between this worker's plan and this claim, and released the lease already.
                    _logger.ClaimNoLongerDue(item.Kind, item.Connection);
                    noLongerDue.Add(item);
                    await _leases.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            // Nobody runs these claims now: their connections would otherwise wait for the leases to expire.
            // Each on its own: one release that fails must neither keep the others nor hide why the claim broke off.
            foreach (var lease in leases)
            {
                try
                {
                    await _leases.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception releaseFailure)
                {
                    _logger.ClaimReleaseFailed(lease.Key, releaseFailure.GetType().Name);
                }
            }

            throw;
        }

        return new WorkClaims(claims, noLongerDue);
    }

    /// <summary>
    /// Runs a claimed work item under the lease it was claimed with, renewed while the run lasts and released when it
    /// ends, as <see cref="RunAsync(WorkItem, CancellationToken)"/> does with the lease it acquires.
    /// </summary>
    /// <param name="claim">The claim, from <see cref="ClaimAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the run; records already journaled stay journaled.</param>
    /// <returns>How the run ended; never <see cref="WorkRunOutcome.Busy"/>.</returns>
    public ValueTask<WorkRunResult> RunAsync(WorkClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);

        return RunTracedAsync(claim.Item, () => RunHoldingAsync(claim.Item, claim.Lease, cancellationToken));
    }

    /// <summary>
    /// Runs one work item under the connection's lease. A connection another worker holds is reported as
    /// <see cref="WorkRunOutcome.Busy"/>; work the allowed-actions table refuses now (the connection changed
    /// since planning) as <see cref="WorkRunOutcome.Refused"/>; a run that lost its lease to another worker on the way
    /// as <see cref="WorkRunOutcome.LeaseLost"/>.
    /// </summary>
    /// <param name="item">The work item, usually from <see cref="GetDueWorkAsync(CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels the run; records already journaled stay journaled.</param>
    /// <returns>How the run ended.</returns>
    public async ValueTask<WorkRunResult> RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return await RunTracedAsync(item, () => RunUnderLeaseAsync(item, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Plans and runs everything due now, one item after the other: for simple hosts and tests.</summary>
    /// <param name="cancellationToken">Cancels the runs.</param>
    /// <returns>One result per item run.</returns>
    public async ValueTask<IReadOnlyList<WorkRunResult>> RunDueAsync(CancellationToken cancellationToken)
    {
        var plan = await GetDueWorkAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<WorkRunResult>(plan.Due.Count);
        foreach (var item in plan.Due)
        {
            results.Add(await RunAsync(item, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    // The lease key of a connection: one lease for all of its work, whether acquired for one run or claimed.
    private static string LeaseKey(ConnectionId connection) => $"connection:{connection}";

    private static async ValueTask<WorkRunResult> RunTracedAsync(WorkItem item, Func<ValueTask<WorkRunResult>> run)
    {
        using var activity = ConnectSdkDiagnostics.ActivitySource.StartActivity("connect_sdk.sync.run");
        activity?.SetTag("connect_sdk.connection_id", item.Connection.Value);
        activity?.SetTag("connect_sdk.work_kind", item.Kind.ToString());
        activity?.SetTag("connect_sdk.trigger", item.Trigger.ToString());

        var result = await run().ConfigureAwait(false);
        activity?.SetTag("connect_sdk.outcome", result.Outcome.ToString());
        SyncMetrics.Recorded(result);
        return result;
    }

    private async ValueTask<WorkRunResult> RunUnderLeaseAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var lease = await _leases.TryAcquireAsync(LeaseKey(item.Connection), options.WorkerId, _clock.GetCurrentInstant(), options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            _logger.RunBusy(item.Kind, item.Connection);
            return new WorkRunResult(item, WorkRunOutcome.Busy, WorkRunSummary.Empty, $"Another worker is running the work of {item.Connection}.");
        }

        return await RunHoldingAsync(item, lease, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<WorkRunResult> RunHoldingAsync(WorkItem item, WorkLease lease, CancellationToken cancellationToken)
    {
        try
        {
            await using var runLease = new RunLease(lease, item, _leases, _clock, _time, _options.Value.LeaseDuration, _logger, cancellationToken);
            return await RunLeasedAsync(item, runLease, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Released even when cancelled: the lease would otherwise block the connection until it expires.
            await _leases.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async ValueTask<WorkRunResult> RunLeasedAsync(WorkItem item, RunLease lease, CancellationToken cancellationToken)
    {
        // Everything that can fail before the runner starts is done before the request is consumed, and every
        // failure is a result: one broken connection must not stop a host's loop over the others.
        var redactor = SecretRedactor.None;
        var requestConsumed = false;
        var completed = false;
        var paused = false;
        Connection? connection = null;
        IConnector? connector = null;
        try
        {
            connection = await _connections.GetAsync(item.Connection, cancellationToken).ConfigureAwait(false);
            if (connection is null)
            {
                return Refused(item, $"Connection {item.Connection} does not exist.");
            }

            var decision = AllowedActions.Decide(connection, item.Kind.Feature(), item.Trigger);
            if (!decision.IsAllowed)
            {
                return Refused(item, decision.Reason!);
            }

            if (!_runners.TryGetValue(item.Kind, out var runner))
            {
                return Refused(item, $"No runner is registered for {item.Kind}.");
            }

            connector = _connectors.Find(connection.ConnectorId);
            if (connector is null)
            {
                return Refused(item, $"Connection {item.Connection} uses connector '{connection.ConnectorId}', which this host does not register.");
            }

            var schedule = await _schedules.GetAsync(item.Connection, item.Kind, cancellationToken).ConfigureAwait(false);
            if (schedule.IsPausedFor(connection, item.Trigger))
            {
                return Refused(item, $"The automatic runs of {item.Kind} on {item.Connection} are paused since {schedule.Pause!.At} until the user acts; the connection's journal tab says why.");
            }

            redactor = await SecretRedactor.ForConnectionAsync(_secrets, connection.Id, connection.Settings, cancellationToken).ConfigureAwait(false);
            var startedAt = _clock.GetCurrentInstant();
            await _schedules.RecordRunStartedAsync(item.Connection, item.Kind, item.Trigger, startedAt, cancellationToken).ConfigureAwait(false);
            requestConsumed = true;
            var context = new ConnectionContext(connection.Id, connection.ConnectorId, connection.Settings, _secrets);
            var run = new WorkRun(item, connection, connector, context, decision.Scope!.Value, startedAt, redactor, lease);

            // The runner's token is also cancelled when a renewal finds the lease lost.
            var summary = await runner.RunAsync(run, lease.RunToken).ConfigureAwait(false);
            completed = true;
            _logger.RunCompleted(item.Kind, item.Connection, item.Trigger, summary);
            await JournalRunAsync(item, (journal, ct) => journal.RecordCompletedAsync(item, ct), cancellationToken).ConfigureAwait(false);
            // A run that completes with a record through (or none failed) proves the cause of its pause fixed. A user's manual
            // run whose records all failed again proves nothing.
            if (schedule.Pause is { } pause && (summary.Succeeded + summary.Warnings > 0 || summary.Failed == 0))
            {
                await LiftAsync(item, pause, cancellationToken).ConfigureAwait(false);
            }

            return new WorkRunResult(item, WorkRunOutcome.Completed, summary);
        }
        catch (Exception ex) when (ex is LeaseLostException || (ex is OperationCanceledException && lease.IsLost && !cancellationToken.IsCancellationRequested))
        {
            // Not journaled: the run's records are not at fault, and the worker holding the lease now writes their state.
            lease.MarkLost();
            return new WorkRunResult(item, WorkRunOutcome.LeaseLost, WorkRunSummary.Empty, $"The lease on {item.Connection} was lost: another worker took the connection over, so this run of {item.Kind} stopped without further writes.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = redactor.Redact(ex.Message) ?? string.Empty;
            _logger.RunFailed(item.Kind, item.Connection, item.Trigger, ex.GetType().Name, reason);

            // A failure that is no one record's must still reach the user: on the connection's tab, and so in the alerts.
            if (connection is not null && connector is not null && CredentialsRefusal.In(ex))
            {
                paused = await PauseAsync(item, connection, Enum.GetValues<WorkKind>(), "the marketplace refused the credentials", cancellationToken).ConfigureAwait(false);
                var credentials = connector.Descriptor.Settings.Fields.Where(f => f.InvalidatesCheck);
                await JournalRunAsync(item, (journal, ct) => journal.RecordPausedAsync(item, reason, credentials, ct), cancellationToken).ConfigureAwait(false);
            }
            else if (connection is not null && ex is UniformFailureException uniform)
            {
                paused = await PauseAsync(item, connection, Enum.GetValues<WorkKind>().Where(k => k.Feature() == item.Kind.Feature()), "every record of the first batch failed alike", cancellationToken).ConfigureAwait(false);
                await JournalRunAsync(item, (journal, ct) => journal.RecordPausedAsync(item, uniform, ct), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await JournalRunAsync(item, (journal, ct) => journal.RecordFailedAsync(item, reason, ct), cancellationToken).ConfigureAwait(false);
            }

            return new WorkRunResult(item, WorkRunOutcome.Failed, WorkRunSummary.Empty, reason);
        }
        finally
        {
            // A run that consumed its request and did not complete (it failed, or the host cancelled it on shutdown)
            // asks again: otherwise an ERP change or a user's action would wait for the next change. Scheduled work
            // needs no request: the schedule brings it back.
            // A user's manual run that paused the connection is not repeated by itself: the user's next action brings it.
            if (requestConsumed && !completed && item.Trigger != SyncTrigger.Scheduled && !(paused && item.Trigger == SyncTrigger.Manual))
            {
                var retryAt = _clock.GetCurrentInstant() + _options.Value.FailedRunRetryDelay;
                await _schedules.RequestAsync(item.Connection, item.Kind, item.Trigger, retryAt, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Lifts a pause of the connection's automatic work (see <see cref="WorkPause"/>) at once, e.g. after the marketplace
    /// account was fixed on the marketplace's side, and its entries on the connection's journal tab stop saying "Paused".
    /// A passed connection check or changed settings lift it without this call.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>A task that completes when every kind of work of the connection may run again.</returns>
    public async ValueTask ResumeAsync(ConnectionId connection, CancellationToken cancellationToken)
    {
        foreach (var kind in Enum.GetValues<WorkKind>())
        {
            await _schedules.ResumeAsync(connection, kind, cancellationToken).ConfigureAwait(false);
            var item = new WorkItem(connection, kind, SyncTrigger.Manual, _clock.GetCurrentInstant());
            await JournalRunAsync(item, (journal, ct) => journal.RecordResumedByUserAsync(connection, kind, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    // Lifts the pause the run proved fixed from the kinds the same failure paused — they share its WorkPause: every kind
    // for refused credentials, the kinds of the feature for records refused alike — and not a pause another failure left
    // on another kind. Their entries stop saying "Paused" by RunJournal's rule.
    private async ValueTask LiftAsync(WorkItem item, WorkPause pause, CancellationToken cancellationToken)
    {
        foreach (var kind in Enum.GetValues<WorkKind>())
        {
            await _schedules.ResumeAsync(item.Connection, kind, pause, cancellationToken).ConfigureAwait(false);
            if (kind != item.Kind)
            {
                await JournalRunAsync(item, (journal, ct) => journal.RecordResumedAsync(item.Connection, kind, item.Kind, ct), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Refused credentials pause every kind of work of the connection, a uniform failure the kinds of its feature. Returns
    // whether the pause was written (a store that fails here leaves the work unpaused, and the next run fails again).
    private async ValueTask<bool> PauseAsync(WorkItem item, Connection connection, IEnumerable<WorkKind> kinds, string cause, CancellationToken cancellationToken)
    {
        try
        {
            var pause = new WorkPause(_clock.GetCurrentInstant(), connection.Version);
            foreach (var kind in kinds)
            {
                await _schedules.PauseAsync(connection.Id, kind, pause, cancellationToken).ConfigureAwait(false);
            }

            _logger.RunPaused(item.Kind, item.Connection, cause);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.RunNotJournaled(item.Kind, item.Connection, ex.GetType().Name);
            return false;
        }
    }

    // The run's outcome stands even when its journal entry cannot be written (the store may be what failed).
    private async ValueTask JournalRunAsync(WorkItem item, Func<RunJournal, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        try
        {
            await write(_runJournal, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.RunNotJournaled(item.Kind, item.Connection, ex.GetType().Name);
        }
    }

    private WorkRunResult Refused(WorkItem item, string reason)
    {
        _logger.RunRefused(item.Kind, item.Connection, item.Trigger, reason);
        return new WorkRunResult(item, WorkRunOutcome.Refused, WorkRunSummary.Empty, reason);
    }
}
