using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Kaufland.Http;

/// <summary>
/// The connector's log lines (event ids 9700–9799), through the <c>LoggerMessage</c> source generator: the operation,
/// the connection and the record, never a key, a signature or a header.
/// </summary>
internal static partial class KauflandLog
{
    [LoggerMessage(EventId = 9700, Level = LogLevel.Debug, Message = "Kaufland {Operation} answered {StatusCode} (connection {ConnectionId})")]
    public static partial void Answered(ILogger logger, string operation, int statusCode, ConnectionId connectionId);

    [LoggerMessage(EventId = 9701, Level = LogLevel.Warning, Message = "Kaufland {Operation} was refused with {StatusCode} {Reason} (connection {ConnectionId})")]
    public static partial void Refused(ILogger logger, string operation, int statusCode, string reason, ConnectionId connectionId);

    [LoggerMessage(EventId = 9702, Level = LogLevel.Warning, Message = "Kaufland {Operation} got no usable answer; reading the unit or order back before anything is sent again (connection {ConnectionId})")]
    public static partial void InDoubt(ILogger logger, string operation, ConnectionId connectionId);

    [LoggerMessage(EventId = 9703, Level = LogLevel.Information, Message = "Kaufland order {OrderNumber}: {Pieces} piece(s) of line {LineId} are marked sent already; not sent again (connection {ConnectionId})")]
    public static partial void AlreadySent(ILogger logger, string orderNumber, int pieces, string lineId, ConnectionId connectionId);
}
