using Connect.Sdk.Shopify.Tests.Faults;
using Connect.Sdk.Shopify.Tests.TestDoubles;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.TestSupport;
using NodaTime;
using Xunit.Abstractions;

namespace Connect.Sdk.Shopify.Tests.Soak;

/// <summary>
/// Shopify's third of the soak (docs/testing.md): 1,667 orders and 167 articles' stock through the fake shop with a fifth
/// of all requests faulted, every kind of fault the plan has.
/// </summary>
public sealed class ShopifySoakTests : ShopifyFaultFixture
{
    private const int Orders = 1_667;
    private const int Articles = 167;

    // This shop's test time jumps only waits up to AutoAdvancingTime.LongestJump, the client's timeouts among them if
    // they were that short; so a timeout fault here holds the answer 10 s of sample time and it arrives late, within the
    // client's 30 s attempt timeout. The Amazon third times out for real.
    private static readonly Duration TimeoutDelay = Duration.FromSeconds(10);

    private readonly ITestOutputHelper _output;

    public ShopifySoakTests(ITestOutputHelper output)
    {
        _output = output;
        Faults = new Testing.Faults.FaultPlan(seed: 13);
    }

    [SoakFact]
    [Trait("Category", "Soak")]
    public async Task FifthOfRequestsFaulted_EveryOrderBookedOnceAndEveryLevelRight()
    {
        var levels = Enumerable.Range(1, Articles).Select(i => 10 + (i * 7 % 90)).ToArray();
        await MapArticlesAsync(levels);

        // Within the day the first import reaches back (40 s apart), oldest first, one of the articles each.
        var numbers = SeedOrders(Orders, Duration.FromSeconds(40), i => Product(1 + (i % Articles)));
        Faults.WithEveryKind(share: 0.2, operation: "graphql");
        await new SoakRun("Shopify", Host, Faults, _output).DrainAsync(
            numbers,
            Articles,
            () => levels.Where((level, i) => Shop.StockOf(Product(i + 1)) != level).Count(),
            () => Shop.Requests.Count);
    }

    protected override MarketplaceFakeOptions FakeOptions() => new()
    {
        Clock = new TimeProviderClock(Time),
        Faults = Faults,
        DelayTime = Time,
        TimeoutDelay = TimeoutDelay,
    };
}
