using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Alerts;

/// <summary>The alerts' log messages (event ids 6000–6099); subscriptions and connections by id, never a notification's body.</summary>
internal static partial class AlertLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Alert subscription {SubscriptionId}: {Severity} notification with {Incidents} incident(s) delivered for {ConnectionId}")]
    public static partial void Delivered(this ILogger logger, string subscriptionId, ConnectionId connectionId, AlertSeverity severity, int incidents);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Alert subscription {SubscriptionId}: the alert sink threw {ExceptionType} for {ConnectionId}; its {Incidents} incident(s) are delivered on the next dispatch")]
    public static partial void DeliveryFailed(this ILogger logger, string subscriptionId, ConnectionId connectionId, string exceptionType, int incidents);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "Alert subscription {SubscriptionId} skipped: another worker is dispatching it")]
    public static partial void Busy(this ILogger logger, string subscriptionId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Alert subscription {SubscriptionId} saved ({Frequency}), first due at {DueAt}")]
    public static partial void Subscribed(this ILogger logger, string subscriptionId, AlertFrequency frequency, NodaTime.Instant dueAt);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Alert subscription {SubscriptionId} removed")]
    public static partial void Unsubscribed(this ILogger logger, string subscriptionId);
}
