using Connect.Sdk.Alerts;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>
/// Resolves the work behind the scheduler on first use instead of when the host creates its hosted services.
/// The host creates those before it runs the start-up checks, so a host that forgot a store would otherwise get
/// DI's error about the first missing service rather than the SDK's message naming all of them.
/// </summary>
internal sealed class DeferredWork(Func<IScheduledWork> resolve) : IScheduledWork
{
    private readonly Lazy<IScheduledWork> _work = new(resolve);

    public ValueTask<DuePlan> GetDueWorkAsync(Duration lookAhead, CancellationToken cancellationToken) => _work.Value.GetDueWorkAsync(lookAhead, cancellationToken);

    public ValueTask<WorkClaims> ClaimAsync(IReadOnlyList<WorkItem> items, int limit, CancellationToken cancellationToken) =>
        _work.Value.ClaimAsync(items, limit, cancellationToken);

    public ValueTask<WorkRunResult> RunAsync(WorkClaim claim, CancellationToken cancellationToken) => _work.Value.RunAsync(claim, cancellationToken);

    public ValueTask<AlertDispatchResult> DispatchAlertsAsync(CancellationToken cancellationToken) => _work.Value.DispatchAlertsAsync(cancellationToken);
}
