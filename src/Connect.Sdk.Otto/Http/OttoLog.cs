using Connect.Sdk.Connectors;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Otto.Http;

/// <summary>
/// The connector's log lines (event ids 9500–9599), through the <c>LoggerMessage</c> source generator: the operation,
/// the connection and the record, never a secret, a token or a header.
/// </summary>
internal static partial class OttoLog
{
    [LoggerMessage(EventId = 9500, Level = LogLevel.Debug, Message = "OTTO Market {Operation} answered {StatusCode} (connection {ConnectionId})")]
    public static partial void Answered(ILogger logger, string operation, int statusCode, ConnectionId connectionId);

    [LoggerMessage(EventId = 9501, Level = LogLevel.Warning, Message = "OTTO Market {Operation} was refused with {StatusCode} {Reason} (connection {ConnectionId})")]
    public static partial void Refused(ILogger logger, string operation, int statusCode, string reason, ConnectionId connectionId);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Warning, Message = "OTTO Market {Operation} got no usable answer; reading the order back before anything is sent again (connection {ConnectionId})")]
    public static partial void InDoubt(ILogger logger, string operation, ConnectionId connectionId);

    [LoggerMessage(EventId = 9503, Level = LogLevel.Information, Message = "OTTO Market order {OrderNumber} already holds the shipment with tracking number {TrackingNumber}; not sent again (connection {ConnectionId})")]
    public static partial void ShipmentAlreadyThere(ILogger logger, string orderNumber, string trackingNumber, ConnectionId connectionId);
}
