using System.Collections.Concurrent;

namespace Connect.Sdk.Alerts;

/// <summary>An <see cref="IAlertSink"/> that keeps delivered alerts in memory, for tests and samples.</summary>
public sealed class InMemoryAlertSink : IAlertSink
{
    private readonly ConcurrentQueue<AlertNotification> _delivered = new();

    /// <summary>The alerts delivered, oldest first.</summary>
    public IReadOnlyList<AlertNotification> Delivered => _delivered.ToArray();

    /// <inheritdoc />
    public ValueTask DeliverAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        cancellationToken.ThrowIfCancellationRequested();
        _delivered.Enqueue(notification);
        return ValueTask.CompletedTask;
    }
}
