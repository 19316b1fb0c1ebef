using NodaTime;

namespace Connect.Sdk.Alerts;

/// <summary>A notification the SDK asks the host to deliver (by e-mail, chat, the ERP's inbox).</summary>
/// <param name="Connection">The connection the alert is about.</param>
/// <param name="Severity">Warning or error.</param>
/// <param name="Subject">A one-line summary, e.g. "3 orders failed to import on shopify-de".</param>
/// <param name="Body">The details: which records and why; never a secret.</param>
/// <param name="RaisedAt">When the SDK raised the alert.</param>
public sealed record AlertNotification(ConnectionId Connection, AlertSeverity Severity, string Subject, string Body, Instant RaisedAt);
