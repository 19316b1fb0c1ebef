using Connect.Sdk.Connectors;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.ArticleSync;

/// <summary>
/// The log messages stock and price sync share (event ids 3000–3002 and 3005). Fields are ids, counts and types:
/// marketplace messages may quote a token, so they go to the journal (redacted) and never to a log line.
/// </summary>
internal static partial class ArticleSyncLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "{Kind} for {ConnectionId}: {Considered} article(s) considered, {ToSend} to send, {Unchanged} unchanged")]
    public static partial void DeltaComputed(this ILogger logger, WorkKind kind, ConnectionId connectionId, int considered, int toSend, int unchanged);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "{Kind} batch of {Count} article(s) for {ConnectionId} threw {ExceptionType}; its articles are journaled as failed")]
    public static partial void BatchThrew(this ILogger logger, WorkKind kind, ConnectionId connectionId, int count, string exceptionType);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "{Kind} for {ConnectionId} broke off after repeated failed calls to the marketplace: {Summary}")]
    public static partial void RunBrokeOff(this ILogger logger, WorkKind kind, ConnectionId connectionId, WorkRunSummary summary);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "{Kind} for {ConnectionId}: connector {ConnectorId} has no foreign-number rules, so the scheduled run finds no articles")]
    public static partial void NothingToList(this ILogger logger, WorkKind kind, ConnectionId connectionId, ConnectorId connectorId);
}
