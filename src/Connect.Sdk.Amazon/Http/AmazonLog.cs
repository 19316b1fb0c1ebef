using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Amazon.Http;

/// <summary>
/// The connector's own log lines (event ids 8600–8699) through the <c>LoggerMessage</c> source generator. Requests are
/// logged by the HTTP foundation with redacted addresses; these lines add what only the connector knows, and never a
/// credential, a token or a request body.
/// </summary>
internal static partial class AmazonLog
{
    [LoggerMessage(EventId = 8600, Level = LogLevel.Debug, Message = "Amazon: access token of connection {ConnectionId} exchanged; renewed from {RenewAt}")]
    public static partial void TokenExchanged(ILogger logger, string connectionId, DateTimeOffset renewAt);

    [LoggerMessage(EventId = 8601, Level = LogLevel.Warning, Message = "Amazon: Login with Amazon refused the token exchange of connection {ConnectionId} with {StatusCode} {Error}")]
    public static partial void TokenRefused(ILogger logger, string connectionId, int statusCode, string error);

    [LoggerMessage(EventId = 8602, Level = LogLevel.Debug, Message = "Amazon: stock of SKU {Sku} not sent for connection {ConnectionId}: fulfilled by Amazon")]
    public static partial void FbaStockSkipped(ILogger logger, string sku, string connectionId);

    [LoggerMessage(EventId = 8603, Level = LogLevel.Warning, Message = "Amazon: {Operation} for {Record} of connection {ConnectionId} is in doubt; reading back before sending again")]
    public static partial void WriteInDoubt(ILogger logger, string operation, string record, string connectionId);

    [LoggerMessage(EventId = 8604, Level = LogLevel.Information, Message = "Amazon: package {PackageReferenceId} of order {OrderNumber} (connection {ConnectionId}) is on Amazon already; not confirmed again")]
    public static partial void PackageKnown(ILogger logger, string packageReferenceId, string orderNumber, string connectionId);

    [LoggerMessage(EventId = 8605, Level = LogLevel.Debug, Message = "Amazon: getOrders page {Page} of connection {ConnectionId} held {Count} order(s)")]
    public static partial void OrdersPage(ILogger logger, int page, string connectionId, int count);

    [LoggerMessage(EventId = 8606, Level = LogLevel.Information, Message = "Amazon: {What} for SKU {Sku} of connection {ConnectionId} accepted with issues in submission {SubmissionId}")]
    public static partial void AcceptedWithIssues(ILogger logger, string what, string sku, string connectionId, string? submissionId);
}
