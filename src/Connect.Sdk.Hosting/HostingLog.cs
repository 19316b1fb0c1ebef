using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>
/// The hosted scheduler's log messages (event ids 7000–7099). Runs are logged through <see cref="WorkRunResult.ToString"/>
/// and work items through <see cref="WorkItem.ToString"/>, which carry ids, kinds and counts, never secrets.
/// </summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Scheduler started: {MaxConcurrentRuns} runs at once, polling every {PollInterval}")]
    public static partial void SchedulerStarted(this ILogger logger, int maxConcurrentRuns, Duration pollInterval);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Run finished after {ElapsedMs} ms: {Result}")]
    public static partial void RunFinished(this ILogger logger, WorkRunResult result, long elapsedMs);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Run failed after {ElapsedMs} ms: {Result}")]
    public static partial void RunFailed(this ILogger logger, WorkRunResult result, long elapsedMs);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Run cancelled on shutdown after {ElapsedMs} ms: {Item}")]
    public static partial void RunCancelled(this ILogger logger, WorkItem item, long elapsedMs);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "Run threw after {ElapsedMs} ms: {Item}")]
    public static partial void RunThrew(this ILogger logger, Exception exception, WorkItem item, long elapsedMs);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "Observer {Observer} threw for {Result}")]
    public static partial void ObserverThrew(this ILogger logger, Exception exception, string observer, WorkRunResult result);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Error, Message = "Asking the engine what is due failed ({ConsecutiveFailures} in a row); next attempt in {Backoff}")]
    public static partial void PlanningFailed(this ILogger logger, Exception exception, int consecutiveFailures, Duration backoff);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "Alerts dispatched: {Result}")]
    public static partial void AlertsDispatched(this ILogger logger, Connect.Sdk.Alerts.AlertDispatchResult result);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Error, Message = "Dispatching alerts failed")]
    public static partial void AlertDispatchFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Information, Message = "Scheduler stopping: waiting up to {GracePeriod} for {Count} runs in flight")]
    public static partial void Draining(this ILogger logger, int count, Duration gracePeriod);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "Shutdown grace period of {GracePeriod} is over: cancelling the runs still in flight")]
    public static partial void GraceOver(this ILogger logger, Duration gracePeriod);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Information, Message = "Scheduler stopped")]
    public static partial void SchedulerStopped(this ILogger logger);
}
