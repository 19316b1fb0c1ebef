using Connect.Sdk.Alerts;
using Connect.Sdk.Tests.Sync;
using NodaTime;
using static Connect.Sdk.Tests.Alerts.AlertTestKit;

namespace Connect.Sdk.Tests.Alerts;

public sealed class AlertSubscriptionsTests
{
    [Fact]
    public async Task Subscribe_ThenListGetAndUnsubscribe_RoundTrips()
    {
        await using var h = new SyncHarness();
        var subscriptions = h.Subscriptions();

        await subscriptions.SubscribeAsync(Subscription("b"), default);
        await subscriptions.SubscribeAsync(Subscription("a", AlertFrequency.Hourly), default);
        var listed = await subscriptions.ListAsync(default);
        var removed = await subscriptions.UnsubscribeAsync("a", default);
        var removedAgain = await subscriptions.UnsubscribeAsync("a", default);

        Assert.Equal(["a", "b"], listed.Select(s => s.Id));
        Assert.Equal(AlertFrequency.Hourly, listed[0].Frequency);
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Null(await subscriptions.GetAsync("a", default));
        Assert.NotNull(await subscriptions.GetAsync("b", default));
    }

    [Fact]
    public async Task Subscribe_CallersSetChangedLater_DoesNotChangeTheStoredSubscription()
    {
        await using var h = new SyncHarness();
        var connections = new HashSet<ConnectionId> { new("market-1") };

        await h.Subscriptions().SubscribeAsync(Subscription("s1") with { Connections = connections }, default);
        connections.Add(new ConnectionId("market-2"));

        Assert.Single((await h.Subscriptions().GetAsync("s1", default))!.Connections);
    }

    [Fact]
    public async Task Subscribe_ChangedFromImmediateToHourly_IsDueAnHourAfterTheChange()
    {
        await using var h = new SyncHarness();
        await h.Subscriptions().SubscribeAsync(Subscription("s1"), default);
        h.Clock.Advance(Duration.FromMinutes(30));

        await h.Subscriptions().SubscribeAsync(Subscription("s1", AlertFrequency.Hourly), default);
        var result = await h.Dispatcher().DispatchDueAsync(default);

        Assert.Equal(SyncHarness.Start + Duration.FromMinutes(90), result.NextDueAt);
    }

    public static TheoryData<string, AlertSubscription, string> BrokenSubscriptions() => new()
    {
        { "no id", Subscription(" "), "no Id" },
        { "no name", Subscription("s1") with { Name = "" }, "Alert subscription s1: Name is empty." },
        { "no severity", Subscription("s1") with { Severities = new HashSet<AlertSeverity>() }, "Alert subscription s1: choose warnings, errors or both" },
        { "unknown frequency", Subscription("s1") with { Frequency = (AlertFrequency)42 }, "Alert subscription s1: Frequency 42 is unknown." },
    };

    [Theory]
    [MemberData(nameof(BrokenSubscriptions))]
    public async Task Subscribe_Broken_ThrowsNamingTheField(string because, AlertSubscription subscription, string expected)
    {
        await using var h = new SyncHarness();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => h.Subscriptions().SubscribeAsync(subscription, default).AsTask());

        Assert.True(ex.Message.Contains(expected, StringComparison.Ordinal), $"{because}: {ex.Message}");
        Assert.Empty(await h.Subscriptions().ListAsync(default));
    }
}
