using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Alerts;
using Connect.Sdk.Tests.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connect.Sdk.Tests.Prices;

/// <summary>How the engine plans price work, the options for it, and what the alerts say about prices.</summary>
public sealed class PriceWorkPlanTests
{
    [Fact]
    public async Task RunDue_FirstCycle_RunsTheReconcileBeforeTheDelta_AndSendsEachPriceOnce()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddManyAsync(3);

        var results = await w.H.Engine.RunDueAsync(default);

        Assert.Equal([WorkKind.PriceReconcile, WorkKind.PriceSync], results.Select(r => r.Item.Kind));
        Assert.Equal(["A0001", "A0002", "A0003"], w.Sent.Select(u => u.ArticleNumber).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetDueWork_AfterTheFirstCycle_PriceSyncIsDueAfterItsInterval_AndTheReconcileAfterADay()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.H.Engine.RunDueAsync(default);

        w.H.Clock.Advance(Duration.FromMinutes(15));
        var plan = await w.H.Engine.GetDueWorkAsync(default);

        Assert.Equal([WorkKind.PriceSync], plan.Due.Select(d => d.Kind));
        Assert.Equal(SyncHarness.Start + Duration.FromDays(1), plan.NextDueAt);
    }

    public static TheoryData<string, Action<ConnectSdkOptions>> OutOfRange() => new()
    {
        { "PriceSyncInterval", o => o.PriceSyncInterval = Duration.FromSeconds(1) },
        { "PriceSyncInterval", o => o.PriceSyncInterval = Duration.FromDays(2) },
        { "PriceReconcileInterval", o => o.PriceReconcileInterval = Duration.FromMinutes(5) },
        { "PriceReconcileInterval", o => o.PriceReconcileInterval = Duration.FromDays(8) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Validate_PriceIntervalOutOfRange_NamesTheOption(string option, Action<ConnectSdkOptions> configure)
    {
        var options = new ConnectSdkOptions();
        configure(options);

        var result = new SyncHarness().Services.GetServices<IValidateOptions<ConnectSdkOptions>>()
            .Select(v => v.Validate(Options.DefaultName, options))
            .Single(r => r.Failed);

        Assert.Contains($"ConnectSdkOptions.{option}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_FailedPrices_SaysPricesFailedToSync()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddManyAsync(2);
        w.H.PriceSource.Set(PriceWorld.Net("A0001", 1m, CurrencyCode.Usd)).Set(PriceWorld.Net("A0002", 1m, CurrencyCode.Usd));
        await w.H.Subscriptions().SubscribeAsync(AlertTestKit.Subscription("all-errors"), default);

        await w.RunAsync();
        await w.H.Dispatcher().DispatchDueAsync(default);

        var alert = Assert.Single(w.H.Alerts.Delivered);
        Assert.Equal("2 articles failed to sync prices on market-1", alert.Subject);
        Assert.All(alert.Incidents, i => Assert.Equal(RecordKind.ArticlePrice, i.Record.Kind));
    }
}
