using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Shopify.Http;

/// <summary>
/// The connector's log lines (event ids 9300–9399) through the <c>LoggerMessage</c> source generator. Requests are
/// logged by operation and shop only: never a header, a token or a body.
/// </summary>
internal static partial class ShopifyLog
{
    [LoggerMessage(EventId = 9300, Level = LogLevel.Information, Message = "Shopify throttled {Operation} on {Account}: {Available} of the {Requested} points it needs are available; waiting for the bucket and sending again (attempt {Attempt})")]
    public static partial void Throttled(ILogger logger, string operation, string account, double available, double requested, int attempt);

    [LoggerMessage(EventId = 9301, Level = LogLevel.Warning, Message = "Shopify refused stock of article {ArticleNumber} on connection {ConnectionId}: {Code}")]
    public static partial void StockRefused(ILogger logger, string articleNumber, string connectionId, string code);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Warning, Message = "{Operation} on connection {ConnectionId} ended without a readable answer; reading Shopify's state back before sending again")]
    public static partial void WriteInDoubt(ILogger logger, string operation, string connectionId);

    [LoggerMessage(EventId = 9303, Level = LogLevel.Information, Message = "Shopify already holds the fulfillment with tracking {TrackingNumber} of order {OrderNumber} (connection {ConnectionId}); not sent again")]
    public static partial void FulfillmentAlreadyThere(ILogger logger, string trackingNumber, string orderNumber, string connectionId);

    [LoggerMessage(EventId = 9304, Level = LogLevel.Warning, Message = "Shopify answered {Operation} on connection {ConnectionId} with a body that is not a complete GraphQL answer: {ParserMessage}")]
    public static partial void UnreadableAnswer(ILogger logger, string operation, string connectionId, string parserMessage);
}
