using System.Diagnostics.Metrics;
using Connect.Sdk.Diagnostics;

namespace Connect.Sdk.Alerts;

/// <summary>The alerts' instruments on <see cref="ConnectSdkDiagnostics.Meter"/>.</summary>
internal static class AlertMetrics
{
    private static readonly Counter<long> Notifications = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        "connect_sdk.alerts.notifications", "{notification}", "Alert notifications delivered, by frequency and severity.");

    private static readonly Counter<long> Incidents = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        "connect_sdk.alerts.incidents", "{incident}", "Incidents delivered in alert notifications, by severity.");

    private static readonly Counter<long> Failures = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        "connect_sdk.alerts.delivery_failures", "{failure}", "Alert notifications the host's sink failed to take.");

    public static void Delivered(AlertFrequency frequency, AlertNotification notification)
    {
        Notifications.Add(1, new("connect_sdk.frequency", frequency.ToString()), new("connect_sdk.severity", notification.Severity.ToString()));
        foreach (var group in notification.Incidents.GroupBy(i => i.Severity))
        {
            Incidents.Add(group.Count(), new KeyValuePair<string, object?>("connect_sdk.severity", group.Key.ToString()));
        }
    }

    public static void DeliveryFailed() => Failures.Add(1);
}
