using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Sync;

/// <summary>The engine's log messages (event ids 2000–2099); records are named by key, never with secrets.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "{Kind} for {ConnectionId} ({Trigger}) completed: {Summary}")]
    public static partial void RunCompleted(this ILogger logger, WorkKind kind, ConnectionId connectionId, Lifecycle.SyncTrigger trigger, WorkRunSummary summary);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "{Kind} for {ConnectionId} skipped: another worker holds the connection")]
    public static partial void RunBusy(this ILogger logger, WorkKind kind, ConnectionId connectionId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "{Kind} for {ConnectionId} ({Trigger}) refused: {Reason}")]
    public static partial void RunRefused(this ILogger logger, WorkKind kind, ConnectionId connectionId, Lifecycle.SyncTrigger trigger, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "{Kind} for {ConnectionId} ({Trigger}) broke off with {ExceptionType}: {Reason}")]
    public static partial void RunFailed(this ILogger logger, WorkKind kind, ConnectionId connectionId, Lifecycle.SyncTrigger trigger, string exceptionType, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "{Kind} for {ConnectionId}: the journal entry of the run could not be written ({ExceptionType})")]
    public static partial void RunNotJournaled(this ILogger logger, WorkKind kind, ConnectionId connectionId, string exceptionType);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "{Kind} for {ConnectionId}: automatic work paused until the user acts ({Cause})")]
    public static partial void RunPaused(this ILogger logger, WorkKind kind, ConnectionId connectionId, string cause);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "{Kind} for {ConnectionId}: the lease was lost to another worker; the run stops without further writes")]
    public static partial void RunLeaseLost(this ILogger logger, WorkKind kind, ConnectionId connectionId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "{Kind} for {ConnectionId}: renewing the lease failed ({ExceptionType}); trying again")]
    public static partial void LeaseRenewalFailed(this ILogger logger, WorkKind kind, ConnectionId connectionId, string exceptionType);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Debug, Message = "{Kind} for {ConnectionId} not claimed: another worker ran it since it was planned")]
    public static partial void ClaimNoLongerDue(this ILogger logger, WorkKind kind, ConnectionId connectionId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Lease {LeaseKey} of a claim that broke off could not be given back ({ExceptionType}); it frees when it expires")]
    public static partial void ClaimReleaseFailed(this ILogger logger, string leaseKey, string exceptionType);
}
