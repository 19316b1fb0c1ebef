using NodaTime;

namespace Connect.Sdk.Alerts;

/// <summary>A notification the SDK asks the host to deliver (by e-mail, chat, the ERP's inbox).</summary>
/// <param name="Connection">The connection the alert is about.</param>
/// <param name="Severity">Warning or error: error when any of its incidents is an error.</param>
/// <param name="Subject">A one-line summary, e.g. "3 orders failed to import on shopify-de".</param>
/// <param name="Body">The details: which records and why; never a secret.</param>
/// <param name="RaisedAt">When the SDK raised the alert.</param>
public sealed record AlertNotification(ConnectionId Connection, AlertSeverity Severity, string Subject, string Body, Instant RaisedAt)
{
    /// <summary>The subscription the notification was raised for, or <see langword="null"/> when it was raised otherwise.</summary>
    public string? SubscriptionId { get; init; }

    /// <summary>The incidents the notification reports, for hosts that render their own format.</summary>
    public IReadOnlyList<AlertIncident> Incidents { get; init; } = [];

    /// <summary>
    /// The same for the same subscription and incidents: a sink that remembers it can drop a repeat, should a
    /// worker crash after the delivery but before the SDK recorded it.
    /// </summary>
    public string? DeliveryKey { get; init; }
}
