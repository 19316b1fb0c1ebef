using System.Globalization;
using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.TestSupport;
using NodaTime;
using Xunit.Abstractions;

namespace Connect.Sdk.Amazon.Tests.Soak;

/// <summary>
/// Amazon's third of the soak (docs/testing.md): 1,666 orders and 167 articles' stock through the fake with a fifth of
/// all requests faulted, every kind of fault the plan has. Its test time (<see cref="VirtualTime"/>) lets a timeout
/// fault move time past the client's attempt timeout, so those attempts really time out.
/// </summary>
public sealed class AmazonSoakTests(ITestOutputHelper output)
{
    private const int Orders = 1_666;
    private const int Articles = 167;

    [SoakFact]
    [Trait("Category", "Soak")]
    public async Task FifthOfRequestsFaulted_EveryOrderBookedOnceAndEveryLevelRight()
    {
        var faults = new FaultPlan(seed: 13);
        await using var test = new AmazonTestHost(faults: faults);
        var connection = await test.ConnectAsync();
        var levels = Enumerable.Range(0, Articles).ToDictionary(Sku, i => 10 + (i * 7 % 90), StringComparer.Ordinal);
        foreach (var (sku, level) in levels)
        {
            await test.MapAsync(connection, "ART-" + sku, AmazonTestHost.Fbm(sku), level, onAmazon: 0);
        }

        // Within the day the first import reaches back, oldest first, one line of one of the articles each.
        var start = test.Host.Clock.GetCurrentInstant() - Duration.FromHours(20);
        var numbers = new List<string>(Orders);
        for (var n = 1; n <= Orders; n++)
        {
            var order = AmazonTestHost.Order(AmazonTestHost.OrderNumber(n), start + Duration.FromSeconds(n * 40), AmazonTestHost.Fbm(Sku(n % Articles)), 1 + (n % 3));
            test.Amazon.SeedOrder(order);
            numbers.Add(order.OrderNumber);
        }

        faults.WithEveryKind(share: 0.2);
        await new SoakRun("Amazon", test.Host, faults, output).DrainAsync(
            numbers,
            Articles,
            () => levels.Count(l => test.Amazon.StockOf(AmazonTestHost.Fbm(l.Key)) != l.Value),
            () => test.Amazon.Requests.Count);
    }

    private static string Sku(int i) => string.Create(CultureInfo.InvariantCulture, $"SOAK-{i:D3}");
}
