using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Shopware.Http;

/// <summary>The connector's log lines (event ids 9500–9599): the operation, the connection and the record, never a key, secret or token.</summary>
internal static partial class ShopwareLog
{
    [LoggerMessage(EventId = 9500, Level = LogLevel.Debug, Message = "Shopware {Operation} answered {StatusCode} (connection {ConnectionId})")]
    public static partial void Answered(ILogger logger, string operation, int statusCode, ConnectionId connectionId);

    [LoggerMessage(EventId = 9501, Level = LogLevel.Warning, Message = "Shopware {Operation} was refused with {StatusCode} {Reason} (connection {ConnectionId})")]
    public static partial void Refused(ILogger logger, string operation, int statusCode, string reason, ConnectionId connectionId);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Information, Message = "Shopware refused record {Pointer} of a sync request; the others are sent again without it (connection {ConnectionId})")]
    public static partial void RecordRefused(ILogger logger, string pointer, ConnectionId connectionId);

    [LoggerMessage(EventId = 9503, Level = LogLevel.Warning, Message = "Shopware {Operation} got no usable answer; reading the shop's state back (connection {ConnectionId})")]
    public static partial void InDoubt(ILogger logger, string operation, ConnectionId connectionId);
}
