using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Alerts;

/// <summary>
/// Writes a subscription's incidents as notifications: one per connection, with a subject that counts and names
/// them ("3 orders failed to import on shopify-de") and a body listing each record and why. Journal messages are
/// redacted by the runners already; the body is redacted once more against the connection's secrets, because a
/// notification leaves the system.
/// </summary>
internal sealed class AlertComposer(IConnectionStore connections, ISecretStore secrets)
{
    // A mail listing thousands of records helps nobody; the journal has them all.
    private const int MaxListed = 50;

    public async ValueTask<IReadOnlyList<AlertNotification>> ComposeAsync(
        AlertSubscription subscription, IReadOnlyList<AlertIncident> incidents, Instant raisedAt, CancellationToken cancellationToken)
    {
        var notifications = new List<AlertNotification>();
        foreach (var group in incidents.GroupBy(i => i.Record.Connection).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(i => i.At).ThenBy(i => i.Record.Kind).ThenBy(i => i.Record.RecordKey, StringComparer.Ordinal).ToArray();
            var connection = await connections.GetAsync(group.Key, cancellationToken).ConfigureAwait(false);
            var redactor = connection is null
                ? SecretRedactor.None
                : await SecretRedactor.ForConnectionAsync(secrets, connection.Id, connection.Settings, cancellationToken).ConfigureAwait(false);
            var severity = ordered.Any(i => i.Severity == AlertSeverity.Error) ? AlertSeverity.Error : AlertSeverity.Warning;
            notifications.Add(new AlertNotification(group.Key, severity, Subject(group.Key, ordered), Body(subscription, connection, ordered, redactor), raisedAt)
            {
                SubscriptionId = subscription.Id,
                Incidents = ordered.Select(i => i with { Message = redactor.Redact(i.Message), Title = redactor.Redact(i.Title) }).ToArray(),
                DeliveryKey = DeliveryKey(subscription.Id, ordered),
            });
        }

        return notifications;
    }

    private static string Subject(ConnectionId connection, AlertIncident[] incidents)
    {
        var kinds = incidents.Select(i => i.Record.Kind).Distinct().ToArray();
        var severities = incidents.Select(i => i.Severity).Distinct().ToArray();
        if (kinds.Length == 1 && severities.Length == 1)
        {
            return $"{incidents.Length} {Noun(kinds[0], incidents.Length)} {What(kinds[0], severities[0])} on {connection}";
        }

        var errors = incidents.Count(i => i.Severity == AlertSeverity.Error);
        var warnings = incidents.Length - errors;
        return $"{incidents.Length} records need attention on {connection}: {errors} failed, {warnings} with warnings";
    }

    private static string Body(AlertSubscription subscription, Connection? connection, AlertIncident[] incidents, SecretRedactor redactor)
    {
        var text = new StringBuilder();
        var name = connection is null ? string.Empty : $" ({connection.Name})";
        text.Append(CultureInfo.InvariantCulture, $"Alert \"{subscription.Name}\" for {incidents[0].Record.Connection}{name}: {incidents.Length} incident(s).").AppendLine().AppendLine();
        foreach (var incident in incidents.Take(MaxListed))
        {
            var severity = incident.Severity == AlertSeverity.Error ? "Failed" : "Warning";
            var title = incident.Title is null ? string.Empty : $" ({incident.Title})";
            text.Append(CultureInfo.InvariantCulture, $"- {severity}: {Noun(incident.Record.Kind, 1)} {incident.Record.RecordKey}{title} at {InstantPattern.General.Format(incident.At)}: {incident.Message ?? "no message"}").AppendLine();
        }

        if (incidents.Length > MaxListed)
        {
            text.Append(CultureInfo.InvariantCulture, $"... and {incidents.Length - MaxListed} more; the journal lists them all.").AppendLine();
        }

        return redactor.Redact(text.ToString()) ?? string.Empty;
    }

    private static string Noun(RecordKind kind, int count) => (kind, count == 1) switch
    {
        (RecordKind.ArticleStock or RecordKind.ArticlePrice, true) => "article",
        (RecordKind.ArticleStock or RecordKind.ArticlePrice, false) => "articles",
        (RecordKind.Order, true) => "order",
        (RecordKind.Order, false) => "orders",
        (RecordKind.OrderStatus, true) => "order status",
        (RecordKind.Connection, true) => "run",
        (RecordKind.Connection, false) => "runs",
        _ => "order statuses",
    };

    private static string What(RecordKind kind, AlertSeverity severity) => (kind, severity) switch
    {
        (RecordKind.ArticleStock, AlertSeverity.Error) => "failed to sync stock",
        (RecordKind.ArticleStock, _) => "synced stock with warnings",
        (RecordKind.ArticlePrice, AlertSeverity.Error) => "failed to sync prices",
        (RecordKind.ArticlePrice, _) => "synced prices with warnings",
        (RecordKind.Order, AlertSeverity.Error) => "failed to import",
        (RecordKind.Order, _) => "imported with warnings",
        (RecordKind.OrderStatus, AlertSeverity.Error) => "failed to export",
        (RecordKind.Connection, _) => "broke off",
        _ => "exported with warnings",
    };

    private static string DeliveryKey(string subscriptionId, IEnumerable<AlertIncident> incidents)
    {
        var ids = string.Join("\n", incidents.Select(i => i.Id).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subscriptionId + "\n" + ids)))[..32];
    }
}
