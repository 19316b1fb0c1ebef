using Connect.Sdk.Connectors;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Mirakl.Http;

/// <summary>
/// The connector's log lines (event ids 9600–9699), through the <c>LoggerMessage</c> source generator: the operation,
/// the connection and the record, never the API key or a header.
/// </summary>
internal static partial class MiraklLog
{
    [LoggerMessage(EventId = 9600, Level = LogLevel.Debug, Message = "Mirakl {Operation} answered {StatusCode} (connection {ConnectionId})")]
    public static partial void Answered(ILogger logger, string operation, int statusCode, ConnectionId connectionId);

    [LoggerMessage(EventId = 9601, Level = LogLevel.Warning, Message = "Mirakl {Operation} was refused with {StatusCode} {Reason} (connection {ConnectionId})")]
    public static partial void Refused(ILogger logger, string operation, int statusCode, string reason, ConnectionId connectionId);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Information, Message = "Mirakl order {OrderNumber} accepted: {Reason} (connection {ConnectionId})")]
    public static partial void Accepted(ILogger logger, string orderNumber, string reason, ConnectionId connectionId);

    [LoggerMessage(EventId = 9603, Level = LogLevel.Information, Message = "Mirakl order {OrderNumber} waits for acceptance: {Reason} (connection {ConnectionId})")]
    public static partial void Waiting(ILogger logger, string orderNumber, string reason, ConnectionId connectionId);

    [LoggerMessage(EventId = 9604, Level = LogLevel.Information, Message = "Mirakl {Kind} import {ImportId} ended {Status}: {Success} lines in success, {Errors} in error (connection {ConnectionId})")]
    public static partial void ImportEnded(ILogger logger, string kind, string importId, string status, int success, int errors, ConnectionId connectionId);
}
