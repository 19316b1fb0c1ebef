using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Shipments;

/// <summary>
/// The status and tracking export's log messages (event ids 5000–5099). Orders are named by number; marketplace
/// messages are logged only after the connection's secrets were redacted from them.
/// </summary>
internal static partial class OrderStatusExportLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Debug, Message = "Order {OrderNumber} on {ConnectionId}: change {Sequence} reported by the ERP; export {Disposition}")]
    public static partial void ChangeReported(this ILogger logger, ConnectionId connectionId, string orderNumber, long sequence, string disposition);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Order {OrderNumber} on {ConnectionId}: status and tracking exported ({Outcome})")]
    public static partial void Exported(this ILogger logger, ConnectionId connectionId, string orderNumber, Features.RecordOutcome outcome);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Order {OrderNumber} on {ConnectionId}: export failed: {Reason}")]
    public static partial void ExportFailed(this ILogger logger, ConnectionId connectionId, string orderNumber, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Order {OrderNumber} on {ConnectionId}: export threw {ExceptionType}: {Reason}")]
    public static partial void ExportThrew(this ILogger logger, ConnectionId connectionId, string orderNumber, string exceptionType, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Order {OrderNumber} on {ConnectionId}: export suppressed (import mode Demo)")]
    public static partial void ExportSuppressed(this ILogger logger, ConnectionId connectionId, string orderNumber);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Order {OrderNumber} on {ConnectionId}: not exported, the ERP has reported no status for it")]
    public static partial void NoStatusKnown(this ILogger logger, ConnectionId connectionId, string orderNumber);
}
