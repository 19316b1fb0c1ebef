using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>
/// The lease of one run, kept for as long as the run lasts: renewed in the background at a third of the lease's
/// duration on the engine's <see cref="TimeProvider"/>, so that also a run waiting for pacing or a slow marketplace
/// keeps it, and on a runner's request between pages. A renewal that finds the lease lost cancels the run's token:
/// another worker does the work now, and the stores refuse this run's late writes anyway.
/// </summary>
internal sealed class RunLease : IAsyncDisposable
{
    private readonly IWorkLeaseStore _leases;
    private readonly IClock _clock;
    private readonly Duration _duration;
    private readonly WorkItem _item;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _run;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private WorkLease _current;
    private int _lost;

    public RunLease(WorkLease lease, WorkItem item, IWorkLeaseStore leases, IClock clock, TimeProvider time, Duration duration, ILogger logger, CancellationToken hostToken)
    {
        Lease = lease;
        _current = lease;
        _item = item;
        _leases = leases;
        _clock = clock;
        _duration = duration;
        _logger = logger;
        _run = CancellationTokenSource.CreateLinkedTokenSource(hostToken);
        _renewals = RenewInBackgroundAsync(time, (duration / 3).ToTimeSpan());
    }

    /// <summary>The lease as acquired: its key and token are what the run's guarded writes carry.</summary>
    public WorkLease Lease { get; }

    /// <summary>The run's token: cancelled by the host, or when the lease is found lost.</summary>
    public CancellationToken RunToken => _run.Token;

    /// <summary>Whether a renewal or a guarded write found the lease lost.</summary>
    public bool IsLost => Volatile.Read(ref _lost) == 1;

    /// <summary>Renews the lease now; a runner calls it between pages or batches.</summary>
    /// <exception cref="LeaseLostException">Another worker took the lease; the run's token is cancelled as well.</exception>
    public async ValueTask RenewAsync(CancellationToken cancellationToken)
    {
        var renewed = await _leases.TryRenewAsync(Volatile.Read(ref _current), _clock.GetCurrentInstant(), _duration, cancellationToken).ConfigureAwait(false);
        if (renewed is null)
        {
            MarkLost();
            throw new LeaseLostException(Lease);
        }

        Volatile.Write(ref _current, renewed);
    }

    /// <summary>Records that a store refused a write for the lost lease, and cancels the run.</summary>
    public void MarkLost()
    {
        if (Interlocked.Exchange(ref _lost, 1) == 0)
        {
            _logger.RunLeaseLost(_item.Kind, _item.Connection);
            _run.Cancel();
        }
    }

    /// <summary>Stops the renewals; the lease itself is released by the engine.</summary>
    /// <returns>A task that completes when the renewals have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewals.ConfigureAwait(false);
        _stop.Dispose();
        _run.Dispose();
    }

    private async Task RenewInBackgroundAsync(TimeProvider time, TimeSpan interval)
    {
        while (await NextRenewalDueAsync(time, interval).ConfigureAwait(false))
        {
            try
            {
                await RenewAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (LeaseLostException)
            {
                return;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store failed, not the lease: the lease may well still hold, so the next interval tries again.
                _logger.LeaseRenewalFailed(_item.Kind, _item.Connection, ex.GetType().Name);
            }
        }
    }

    // A timed cancellation rather than a Task.Delay: a deadline, not something the run waits for, so fake time that moves
    // only while code waits (the testing kit's) is not moved on by the renewals themselves. False once the run ended.
    private async Task<bool> NextRenewalDueAsync(TimeProvider time, TimeSpan interval)
    {
        using var due = new CancellationTokenSource(interval, time);
        using var dueOrStopped = CancellationTokenSource.CreateLinkedTokenSource(due.Token, _stop.Token);
        var signal = new TaskCompletionSource();
        await using (dueOrStopped.Token.Register(() => signal.TrySetResult()).ConfigureAwait(false))
        {
            await signal.Task.ConfigureAwait(false);
        }

        return !_stop.IsCancellationRequested;
    }
}
