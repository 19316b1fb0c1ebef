using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Lifecycle;

/// <summary>
/// The lifecycle's log messages (event ids 1000–1099). Every field is an id, a kind, a plain value or a
/// refusal code: transitions never hold secrets, and exceptions from connectors are logged by type only
/// because their messages may quote a token.
/// </summary>
internal static partial class LifecycleLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Connection {ConnectionId}: {Change} {Feature} from {From} to {To} by {Actor} ({Detail})")]
    public static partial void TransitionRecorded(
        this ILogger logger, ConnectionId connectionId, LifecycleChange change, FeatureKind? feature, string from, string to, Actor actor, string? detail);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Connection {ConnectionId}: {Command} by {Actor} refused ({Reasons})")]
    public static partial void ChangeRefused(this ILogger logger, ConnectionId connectionId, string command, Actor actor, string reasons);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Connection {ConnectionId} was changed by another writer during {Command}; retrying (attempt {Attempt})")]
    public static partial void SaveConflict(this ILogger logger, ConnectionId connectionId, string command, int attempt);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "The connection check of {ConnectionId} ({ConnectorId}) threw {ExceptionType}; recorded as a failed check")]
    public static partial void CheckThrew(this ILogger logger, ConnectionId connectionId, ConnectorId connectorId, string exceptionType);
}
