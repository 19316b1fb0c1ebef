using Connect.Sdk.Alerts;
using Connect.Sdk.Journal;
using Connect.Sdk.Tests.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect.Sdk.Tests.Alerts;

/// <summary>Incidents written straight into the journal, subscriptions, and the alert services of a harness.</summary>
internal static class AlertTestKit
{
    public static AlertDispatcher Dispatcher(this SyncHarness harness) => harness.Get<AlertDispatcher>();

    public static AlertSubscriptions Subscriptions(this SyncHarness harness) => harness.Get<AlertSubscriptions>();

    public static AlertSubscription Subscription(string id, AlertFrequency frequency = AlertFrequency.Immediately, params AlertSeverity[] severities) => new()
    {
        Id = id,
        Name = "Alarm " + id,
        Frequency = frequency,
        Severities = severities.Length == 0 ? new HashSet<AlertSeverity> { AlertSeverity.Error } : severities.ToHashSet(),
    };

    public static Task FailAsync(this SyncHarness harness, ConnectionId connection, string key, string message = "tax information missing", RecordKind kind = RecordKind.Order) =>
        harness.Journal.SetStatusAsync(new JournalKey(connection, kind, key), JournalStatus.Failed, message, default).AsTask();

    public static Task WarnAsync(this SyncHarness harness, ConnectionId connection, string key, string message = "shipping cost differs", RecordKind kind = RecordKind.Order) =>
        harness.Journal.SetStatusAsync(new JournalKey(connection, kind, key), JournalStatus.Warning, message, default).AsTask();

    public static Task SucceedAsync(this SyncHarness harness, ConnectionId connection, string key, RecordKind kind = RecordKind.Order) =>
        harness.Journal.SetStatusAsync(new JournalKey(connection, kind, key), JournalStatus.Succeeded, "ok", default).AsTask();

    /// <summary>A harness whose alert sink is <paramref name="sink"/> instead of the in-memory one.</summary>
    public static SyncHarness WithSink(IAlertSink sink) => new(s =>
    {
        s.RemoveAll<IAlertSink>();
        s.AddSingleton(sink);
    });
}

/// <summary>An alert sink that throws for the notifications <see cref="FailWhen"/> picks, and keeps the others.</summary>
internal sealed class FlakyAlertSink : IAlertSink
{
    public InMemoryAlertSink Inner { get; } = new();

    public Func<AlertNotification, bool> FailWhen { get; set; } = _ => false;

    public int Attempts { get; private set; }

    public ValueTask DeliverAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        Attempts++;
        if (FailWhen(notification))
        {
            throw new InvalidOperationException("SMTP server not reachable");
        }

        return Inner.DeliverAsync(notification, cancellationToken);
    }
}
