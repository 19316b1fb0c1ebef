using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.TestSupport;
using NodaTime;
using Xunit.Abstractions;
using static Connect.Sdk.WooCommerce.Tests.TestSupport.WooTestShop;

namespace Connect.Sdk.WooCommerce.Tests.Soak;

/// <summary>
/// WooCommerce's third of the soak (docs/testing.md): 1,667 orders and 166 articles' stock through the fake shop with a
/// fifth of all requests faulted, every kind of fault the plan has. These tests keep the HTTP timeouts on real time
/// (ShortWaitTimeProvider), so a timeout fault here is an answer held back 20 ms, not one that never comes.
/// </summary>
public sealed class WooCommerceSoakTests(ITestOutputHelper output)
{
    private const int Orders = 1_667;
    private const int Articles = 166;

    [SoakFact]
    [Trait("Category", "Soak")]
    public async Task FifthOfRequestsFaulted_EveryOrderBookedOnceAndEveryLevelRight()
    {
        var faults = new FaultPlan(seed: 13);
        await using var shop = await StartAsync(options: new MarketplaceFakeOptions { Faults = faults, TimeoutDelay = Duration.FromMilliseconds(20), SlowResponseDelay = Duration.FromMilliseconds(5) });
        var levels = Enumerable.Range(1, Articles).Select(i => 10 + (i * 7 % 90)).ToArray();
        for (var i = 1; i <= Articles; i++)
        {
            await shop.MapArticleAsync(i, 3, levels[i - 1]);
        }

        // Within the day the first import reaches back, oldest first.
        var numbers = Enumerable.Range(0, Orders).Select(i => shop.SeedOrder(10001 + i, minutesAgo: 1200 - (i * 1200 / Orders)).OrderNumber).ToList();
        faults.WithEveryKind(share: 0.2);
        await new SoakRun("WooCommerce", shop.Host, faults, output).DrainAsync(
            numbers,
            Articles,
            () => levels.Where((level, i) => shop.Fake.StockOf(Sku(i + 1)) != level).Count(),
            () => shop.Fake.Requests.Count);
    }
}
