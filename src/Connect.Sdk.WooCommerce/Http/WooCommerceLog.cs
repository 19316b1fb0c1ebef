using Connect.Sdk;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.WooCommerce.Http;

/// <summary>
/// The connector's log lines (event ids 9200–9299), through the <c>LoggerMessage</c> source generator: the operation,
/// the connection and the record, never a key, a secret or a header.
/// </summary>
internal static partial class WooCommerceLog
{
    [LoggerMessage(EventId = 9200, Level = LogLevel.Debug, Message = "WooCommerce {Operation} answered {StatusCode} (connection {ConnectionId})")]
    public static partial void Answered(ILogger logger, string operation, int statusCode, ConnectionId connectionId);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "WooCommerce {Operation} was refused with {StatusCode} {Reason} (connection {ConnectionId})")]
    public static partial void Refused(ILogger logger, string operation, int statusCode, string reason, ConnectionId connectionId);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "WooCommerce knows no product or variation with SKU {Sku} (connection {ConnectionId})")]
    public static partial void UnknownSku(ILogger logger, string sku, ConnectionId connectionId);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Warning, Message = "WooCommerce {Operation} got no usable answer; reading the shop's state back before anything is sent again (connection {ConnectionId})")]
    public static partial void InDoubt(ILogger logger, string operation, ConnectionId connectionId);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Information, Message = "WooCommerce order {OrderNumber} already has the tracking note of {TrackingNumber}; not added again (connection {ConnectionId})")]
    public static partial void NoteAlreadyThere(ILogger logger, string orderNumber, string trackingNumber, ConnectionId connectionId);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Information, Message = "WooCommerce refused the stock of SKU {Sku}: {Code} (connection {ConnectionId})")]
    public static partial void StockRefused(ILogger logger, string sku, string code, ConnectionId connectionId);
}
