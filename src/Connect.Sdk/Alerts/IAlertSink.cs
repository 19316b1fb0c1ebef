namespace Connect.Sdk.Alerts;

/// <summary>Delivers alerts to people, supplied by the host.</summary>
public interface IAlertSink
{
    /// <summary>Delivers one alert.</summary>
    /// <param name="notification">The alert.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the host has taken the alert.</returns>
    ValueTask DeliverAsync(AlertNotification notification, CancellationToken cancellationToken);
}
