using Connect.Sdk.Sync;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>
/// The default scheduler (the process starter): asks the engine what is due, starts it within the concurrency limit
/// (one run per connection at a time, starts spread over <see cref="HostedSchedulerOptions.StartSpread"/>), delivers
/// due alerts, and sleeps until the next due work or the poll interval. On stop it starts nothing new and gives the
/// runs in flight <see cref="HostedSchedulerOptions.ShutdownGracePeriod"/> before cancelling them.
/// </summary>
internal sealed class HostedScheduler : BackgroundService
{
    // How many startable items beyond the free slots a claim is offered: enough to get past the connections other
    // workers hold (their running work) without offering the whole queue.
    private const int ClaimMargin = 64;

    private readonly IScheduledWork _work;
    private readonly RunExecutor _executor;
    private readonly HostedSchedulerOptions _options;
    private readonly IClock _clock;
    private readonly TimeProvider _time;
    private readonly HostingMetrics _metrics;
    private readonly ILogger _logger;
    private readonly LoopPacer _pacer;
    private readonly InFlightWork _inFlight;
    private readonly DueQueue _queue = new();

    // Runs get their own cancellation, not the stopping token: stopping must let them finish within the grace period.
    private readonly CancellationTokenSource _runCancellation = new();

    public HostedScheduler(
        IScheduledWork work,
        IEnumerable<IWorkRunObserver> observers,
        HostedSchedulerOptions options,
        IClock clock,
        TimeProvider time,
        HostingMetrics metrics,
        ILogger<HostedScheduler> logger)
    {
        _work = work;
        _options = options;
        _clock = clock;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _pacer = new LoopPacer(time, clock);
        _inFlight = new InFlightWork(_pacer);
        _executor = new RunExecutor(work, new WorkRunObservers(observers, logger), metrics, time, logger);
    }

    /// <summary>For tests: how the loop waits, and what it has going.</summary>
    internal LoopPacer Pacer => _pacer;

    /// <summary>For tests: the runs and dispatches the loop started and saw end.</summary>
    internal InFlightWork InFlight => _inFlight;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Returns when the drain is done, or early when the host's shutdown timeout runs out: then the host gives up
        // waiting, and the runs still going are cancelled at once, whatever the grace period says.
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
        {
            await _runCancellation.CancelAsync().ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _runCancellation.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.SchedulerStarted(_options.MaxConcurrentRuns, _options.PollInterval);
        try
        {
            await LoopAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stop requested: the drain follows.
        }
        finally
        {
            // Also after a bug in the loop itself: the runs in flight get their grace period, not an abandoned lease.
            await DrainAsync().ConfigureAwait(false);
            _logger.SchedulerStopped();
        }
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var nextAlertDispatch = _clock.GetCurrentInstant();
        var planningFailures = 0;
        Instant? nextPlanAt = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            _pacer.BeginPass();
            var now = _clock.GetCurrentInstant();
            if (now >= nextAlertDispatch && !_inFlight.IsDispatchingAlerts)
            {
                _inFlight.StartAlertDispatch(() => DispatchAlertsAsync(_runCancellation.Token));
                nextAlertDispatch = now + _options.AlertDispatchInterval;
            }

            try
            {
                // Planning reads every connection's schedules, so it happens once per poll interval, not on every run's
                // end: the plan lists the work due within that interval, and the runs in between start from the queue.
                // Planned on every run's end, a cycle over all connections cost connections × runs.
                if (nextPlanAt is null || now >= nextPlanAt)
                {
                    var plan = await _work.GetDueWorkAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                    now = _clock.GetCurrentInstant();
                    _queue.Refresh(plan, now, _options.StartSpread);
                    _metrics.Planned();
                    // Work due before the next plan is in the queue (the look-ahead); only a plan without it (work that
                    // lists nothing upcoming) sends the loop back to planning at its next due time.
                    nextPlanAt = Earliest(now + _options.PollInterval, plan.Upcoming.Count == 0 && plan.NextDueAt > now ? plan.NextDueAt : null);
                }

                await StartDueWorkAsync(now, stoppingToken).ConfigureAwait(false);
                planningFailures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                nextPlanAt = null;
                await BackOffAsync(++planningFailures, ex, stoppingToken).ConfigureAwait(false);
                continue;
            }

            // A dispatch still going past its interval wakes the loop when it ends, like a run. A next-due time not
            // ahead of now (another worker's clock, a store's rounding) must not make the loop spin.
            var alertsDue = _inFlight.IsDispatchingAlerts ? (Instant?)null : nextAlertDispatch;
            var until = Earliest(nextPlanAt.Value, _queue.NextStartAfter(now), alertsDue);
            await _pacer.WaitAsync(until, wakeOnRunEnd: true, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task StartDueWorkAsync(Instant now, CancellationToken stoppingToken)
    {
        var slots = _options.MaxConcurrentRuns - _inFlight.RunCount;
        while (slots > 0)
        {
            // One claim for every free slot, offered the oldest startable work and a margin beyond it: what another
            // worker holds is skipped in favour of the next item, so several schedulers on one store share the due work
            // instead of racing for the same items. The margin is bounded, so a claim costs about what it starts.
            var startable = _queue.Startable(now, _inFlight.IsRunning, slots + ClaimMargin);
            if (startable.Count == 0)
            {
                return;
            }

            var claims = await _work.ClaimAsync(startable, slots, stoppingToken).ConfigureAwait(false);
            _queue.Remove(claims.Select(claim => claim.Item));

            // Work another worker ran since this plan: dropped now, or it would be claimed and given back on every pass
            // until the next plan.
            _queue.Remove(claims.NoLongerDue);
            var heldElsewhere = HeldElsewhere(startable, claims, slots);
            if (Math.Min(slots, startable.Count) - claims.Count - claims.NoLongerDue.Count is > 0 and var skipped)
            {
                _metrics.ClaimsSkipped(skipped);
            }

            foreach (var claim in claims)
            {
                _inFlight.StartRun(claim.Item.Connection, () => _executor.ExecuteAsync(claim, _runCancellation.Token));
            }

            slots -= claims.Count;

            // Work another worker holds is its to run: dropped until the next plan lists it again (if that worker gave it
            // back unrun), so the free slots go to the work behind it. Kept, it would be offered first on every pass, and
            // with more of it than the margin (many workers' runs) nothing behind it would ever be offered.
            _queue.Remove(heldElsewhere);
            if (claims.NoLongerDue.Count == 0 && heldElsewhere.Count == 0)
            {
                return;
            }
        }
    }

    // The items of a claim that came back short of its limit and were neither claimed nor found no longer due: the claim
    // tried each of them and found its connection's lease held. A claim that reached its limit may have stopped before
    // some, so it says nothing of the rest.
    private static List<WorkItem> HeldElsewhere(IReadOnlyList<WorkItem> offered, WorkClaims claims, int limit)
    {
        if (claims.Count + claims.NoLongerDue.Count >= limit)
        {
            return [];
        }

        var settled = claims.Select(claim => claim.Item).Concat(claims.NoLongerDue).ToHashSet();
        return offered.Where(item => !settled.Contains(item)).ToList();
    }

    private async Task BackOffAsync(int consecutiveFailures, Exception failure, CancellationToken stoppingToken)
    {
        // Runs ending do not cut the wait short: asking a failing store again at every run's end is what backing off avoids.
        var backoff = PlanningBackoff.After(consecutiveFailures, _options.PollInterval, _options.MaxPlanningBackoff);
        _metrics.PlanningFailed();
        _logger.PlanningFailed(failure, consecutiveFailures, backoff);
        await _pacer.WaitAsync(_clock.GetCurrentInstant() + backoff, wakeOnRunEnd: false, stoppingToken).ConfigureAwait(false);
    }

    private async Task DispatchAlertsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _work.DispatchAlertsAsync(cancellationToken).ConfigureAwait(false);
            if (result.Delivered.Count > 0 || result.Failures.Count > 0)
            {
                _logger.AlertsDispatched(result);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled on shutdown: undelivered alerts are delivered by the next dispatch, in this process or another.
        }
        catch (Exception ex)
        {
            _logger.AlertDispatchFailed(ex);
        }
    }

    private async Task DrainAsync()
    {
        var inFlight = _inFlight.Snapshot();
        if (inFlight.Count == 0)
        {
            return;
        }

        _logger.Draining(inFlight.Count, _options.ShutdownGracePeriod);
        var graceOver = _clock.GetCurrentInstant() + _options.ShutdownGracePeriod;
        while (true)
        {
            _pacer.BeginPass();
            if (_inFlight.IsEmpty)
            {
                break;
            }

            if (_clock.GetCurrentInstant() >= graceOver)
            {
                _logger.GraceOver(_options.ShutdownGracePeriod);
                await _runCancellation.CancelAsync().ConfigureAwait(false);
                break;
            }

            await _pacer.WaitAsync(graceOver, wakeOnRunEnd: true, CancellationToken.None).ConfigureAwait(false);
        }

        // Cancelled runs end quickly (the engine releases their leases); the tasks never fault.
        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private static Instant Earliest(Instant first, params Instant?[] others)
    {
        var earliest = first;
        foreach (var other in others)
        {
            if (other is { } instant && instant < earliest)
            {
                earliest = instant;
            }
        }

        return earliest;
    }
}
