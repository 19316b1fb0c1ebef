using Connect.Sdk.Alerts;
using NodaTime;

namespace Connect.Sdk.Tests.Alerts;

public sealed class InMemoryAlertSubscriptionStoreTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 8, 0);

    [Fact]
    public async Task TrySaveState_StaleVersion_IsRefused()
    {
        var store = new InMemoryAlertSubscriptionStore();
        var subscription = AlertTestKit.Subscription("s1");
        await store.SaveAsync(subscription, default);
        var first = await store.TrySaveStateAsync(AlertSchedule.Initial(subscription, At), default);

        var winner = await store.TrySaveStateAsync(first! with { EvaluatedUntil = At + Duration.FromMinutes(1) }, default);
        var loser = await store.TrySaveStateAsync(first! with { EvaluatedUntil = At + Duration.FromMinutes(2) }, default);

        Assert.Equal(2, winner!.Version);
        Assert.Null(loser);
        Assert.Equal(At + Duration.FromMinutes(1), (await store.GetStateAsync("s1", default))!.EvaluatedUntil);
    }

    [Fact]
    public async Task Delete_RemovesTheState_AndAStateWithoutSubscriptionIsNotSaved()
    {
        var store = new InMemoryAlertSubscriptionStore();
        var subscription = AlertTestKit.Subscription("s1");
        await store.SaveAsync(subscription, default);
        await store.TrySaveStateAsync(AlertSchedule.Initial(subscription, At), default);

        await store.DeleteAsync("s1", default);
        var orphan = await store.TrySaveStateAsync(AlertSchedule.Initial(subscription, At), default);

        Assert.Null(await store.GetStateAsync("s1", default));
        Assert.Null(orphan);
    }
}
