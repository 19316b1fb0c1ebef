using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Ebay.Http;

/// <summary>The connector's log messages; none carries a secret, a token or a body.</summary>
internal static partial class EbayLog
{
    [LoggerMessage(EventId = 8700, Level = LogLevel.Debug, Message = "eBay: access token of connection {ConnectionId} exchanged; renewed from {RenewAt}")]
    public static partial void TokenExchanged(ILogger logger, string connectionId, DateTimeOffset renewAt);

    [LoggerMessage(EventId = 8701, Level = LogLevel.Warning, Message = "eBay: the identity API refused the token exchange of connection {ConnectionId} with {StatusCode} {Error}")]
    public static partial void TokenRefused(ILogger logger, string connectionId, int statusCode, string error);

    [LoggerMessage(EventId = 8702, Level = LogLevel.Debug, Message = "eBay: {Operation} of connection {ConnectionId} answered {StatusCode}")]
    public static partial void Answered(ILogger logger, string operation, string connectionId, int statusCode);

    [LoggerMessage(EventId = 8703, Level = LogLevel.Information, Message = "eBay: SKU {Sku} of connection {ConnectionId} refused: {Reason}")]
    public static partial void RecordRefused(ILogger logger, string sku, string connectionId, string reason);
}
