using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Orders;

/// <summary>
/// The order import's log messages (event ids 4000–4099). Orders are named by connection and order number;
/// buyer data and secrets never appear (reasons from connectors are redacted first).
/// </summary>
internal static partial class OrderImportLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Order {OrderNumber} of {ConnectionId} handed to the ERP as {ErpOrderId}")]
    public static partial void OrderImported(this ILogger logger, ConnectionId connectionId, string orderNumber, string erpOrderId);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Order {OrderNumber} of {ConnectionId} was already imported as {ErpOrderId}; not imported again")]
    public static partial void OrderAlreadyImported(this ILogger logger, ConnectionId connectionId, string orderNumber, string erpOrderId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Order {OrderNumber} of {ConnectionId} held: {Reason}")]
    public static partial void OrderHeld(this ILogger logger, ConnectionId connectionId, string orderNumber, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Hand-over of order {OrderNumber} of {ConnectionId} broke off with {ExceptionType}: {Reason}")]
    public static partial void HandOverBrokeOff(this ILogger logger, ConnectionId connectionId, string orderNumber, string exceptionType, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Order import of {ConnectionId} staged {OrderCount} order(s); cursor at {Cursor}")]
    public static partial void PageStaged(this ILogger logger, ConnectionId connectionId, int orderCount, NodaTime.Instant cursor);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Order {OrderNumber} of {ConnectionId} could not be read from the marketplace: {Reason}")]
    public static partial void OrderUnreadable(this ILogger logger, ConnectionId connectionId, string orderNumber, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Order {OrderNumber} of {ConnectionId} was not found on the marketplace")]
    public static partial void OrderNotFound(this ILogger logger, ConnectionId connectionId, string orderNumber);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Looking up {OrderCount} order(s) of {ConnectionId} by number broke off with {ExceptionType}: {Reason}")]
    public static partial void LookupBrokeOff(this ILogger logger, ConnectionId connectionId, int orderCount, string exceptionType, string reason);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Debug, Message = "Order import of {ConnectionId} fetches orders changed since {Since}")]
    public static partial void FetchingChanges(this ILogger logger, ConnectionId connectionId, NodaTime.Instant since);

    // The ERP's reason is left out on purpose: it may name the buyer; the journal shows it.
    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Order {OrderNumber} of {ConnectionId} refused by the ERP; held until corrected and retried")]
    public static partial void OrderRefusedByErp(this ILogger logger, ConnectionId connectionId, string orderNumber);
}
