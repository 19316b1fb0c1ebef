using Connect.Sdk.Alerts;
using NodaTime;

namespace Connect.Sdk.Tests.Alerts;

public sealed class InMemoryAlertSinkTests
{
    [Fact]
    public async Task Deliver_KeepsAlertsInDeliveryOrder()
    {
        var sink = new InMemoryAlertSink();
        var at = Instant.FromUtc(2026, 11, 23, 9, 0);

        await sink.DeliverAsync(new AlertNotification(new ConnectionId("a"), AlertSeverity.Warning, "first", "", at), CancellationToken.None);
        await sink.DeliverAsync(new AlertNotification(new ConnectionId("a"), AlertSeverity.Error, "second", "", at), CancellationToken.None);

        Assert.Equal(["first", "second"], sink.Delivered.Select(a => a.Subject));
    }
}
