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
    private readonly IScheduledWork _work;
    private readonly RunExecutor _executor;
    private readonly HostedSchedulerOptions _options;
    private readonly IClock _clock;
    private readonly TimeProvider _time;
    private readonly HostingMetrics _metrics;
    private readonly ILogger _logger;
    private readonly WakeSignal _wake = new();
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
        _inFlight = new InFlightWork(_wake);
        _executor = new RunExecutor(work, new WorkRunObservers(observers, logger), metrics, time, logger);
    }

    /// <summary>Called before each wait of the loop, once the wait's timer is set; lets tests move fake time safely.</summary>
    internal Action<LoopWait>? Waiting { get; set; }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's shutdown timeout overrides the grace period: when it runs out, runs are cancelled at once.
        using var hostGaveUp = cancellationToken.Register(_runCancellation.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
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
            // Stop requested: fall through to the drain.
        }

        await DrainAsync().ConfigureAwait(false);
        _logger.SchedulerStopped();
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var nextAlertDispatch = _clock.GetCurrentInstant();
        var planningFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            _wake.Reset();
            var now = _clock.GetCurrentInstant();
            if (now >= nextAlertDispatch && !_inFlight.IsDispatchingAlerts)
            {
                _inFlight.StartAlertDispatch(() => DispatchAlertsAsync(_runCancellation.Token));
                nextAlertDispatch = now + _options.AlertDispatchInterval;
            }

            Sync.DuePlan plan;
            try
            {
                plan = await _work.GetDueWorkAsync(stoppingToken).ConfigureAwait(false);
                planningFailures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                planningFailures++;
                var backoff = PlanningBackoff.After(planningFailures, _options.PollInterval, _options.MaxPlanningBackoff);
                _metrics.PlanningFailed();
                _logger.PlanningFailed(ex, planningFailures, backoff);
                await WaitAsync(LoopWaitReason.Backoff, _clock.GetCurrentInstant() + backoff, wakeOnRunEnd: false, stoppingToken).ConfigureAwait(false);
                continue;
            }

            now = _clock.GetCurrentInstant();
            _queue.Refresh(plan, now, _options.StartSpread);
            var slots = _options.MaxConcurrentRuns - _inFlight.RunCount;
            foreach (var item in _queue.TakeStartable(now, slots, _inFlight.IsRunning))
            {
                _inFlight.StartRun(item.Connection, () => _executor.ExecuteAsync(item, _runCancellation.Token));
            }

            // A dispatch still going past its interval wakes the loop when it ends, like a run.
            var alertsDue = _inFlight.IsDispatchingAlerts ? (Instant?)null : nextAlertDispatch;
            var until = Earliest(now + _options.PollInterval, plan.NextDueAt, _queue.NextStartAfter(now), alertsDue);
            await WaitAsync(LoopWaitReason.Idle, until, wakeOnRunEnd: true, stoppingToken).ConfigureAwait(false);
        }
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
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.AlertDispatchFailed(ex);
        }
        catch (OperationCanceledException)
        {
            // Cancelled on shutdown: undelivered alerts are delivered by the next dispatch, in this process or another.
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
        var finished = Task.WhenAll(inFlight);
        using var graceTimer = new CancellationTokenSource();
        var grace = Task.Delay(_options.ShutdownGracePeriod.ToTimeSpan(), _time, graceTimer.Token);
        Waiting?.Invoke(new LoopWait(LoopWaitReason.Grace, _clock.GetCurrentInstant() + _options.ShutdownGracePeriod));
        if (await Task.WhenAny(finished, grace).ConfigureAwait(false) != finished)
        {
            _logger.GraceOver(_options.ShutdownGracePeriod);
            await _runCancellation.CancelAsync().ConfigureAwait(false);
        }

        await graceTimer.CancelAsync().ConfigureAwait(false);
        await finished.ConfigureAwait(false);
    }

    private async Task WaitAsync(LoopWaitReason reason, Instant until, bool wakeOnRunEnd, CancellationToken stoppingToken)
    {
        var delay = until - _clock.GetCurrentInstant();
        if (delay <= Duration.Zero)
        {
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var elapsed = Task.Delay(delay.ToTimeSpan(), _time, timer.Token);
        Waiting?.Invoke(new LoopWait(reason, until));
        if (wakeOnRunEnd)
        {
            await Task.WhenAny(elapsed, _wake.Task).ConfigureAwait(false);
        }
        else
        {
            await Task.WhenAny(elapsed).ConfigureAwait(false);
        }

        await timer.CancelAsync().ConfigureAwait(false);
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
