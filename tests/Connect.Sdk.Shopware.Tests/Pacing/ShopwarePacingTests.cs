using System.Globalization;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Shopware.Tests.TestSupport;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.RateLimits;

namespace Connect.Sdk.Shopware.Tests.Pacing;

/// <summary>
/// The Admin API documents no rate limit, so a shop behind a host's limiter gets one on the connection
/// (<c>requestsPerSecond</c>). On the host's fake time, with the fake enforcing that limit (2 per second, burst 2), a
/// stock sync of 1,000 articles at full speed gets no 429 and takes close to the theoretical minimum,
/// (requests − burst) / rate: the connector is paced, not refused and retried.
/// </summary>
public sealed class ShopwarePacingTests
{
    private const int Articles = 1000;
    private const double Rate = 2;

    [Fact]
    public async Task StockSync_1000ArticlesAtTheHostsLimit_NoTooManyRequestsAndCloseToTheMinimum()
    {
        await using var shop = await ShopwareTestShop.StartAsync(
            clock => new MarketplaceFakeOptions { Clock = clock, RateLimit = new RateLimit(Capacity: Rate, RefillPerSecond: Rate) },
            requestsPerSecond: Rate.ToString(CultureInfo.InvariantCulture),
            FeatureKind.Stock);
        for (var i = 1; i <= Articles; i++)
        {
            shop.AddArticle(string.Create(CultureInfo.InvariantCulture, $"ART-{i:D4}"), erpStock: i % 13);
        }

        // From a full bucket: the connection's check and walk to productive took tokens a while ago.
        shop.Host.Time.Advance(TimeSpan.FromMinutes(1));
        var before = shop.Fake.Requests.Count;
        var started = shop.Host.Time.GetUtcNow();

        await shop.Host.RunDueAsync();

        var elapsed = shop.Host.Time.GetUtcNow() - started;
        var requests = shop.Fake.Requests.Skip(before).ToArray();
        Assert.DoesNotContain(requests, r => r.StatusCode == 429);
        Assert.Equal(Articles, (await shop.Host.JournalEntriesAsync(shop.Connection, RecordKind.ArticleStock)).Count(e => e.Status == JournalStatus.Succeeded));
        Assert.Equal(7, shop.Fake.StockOf(ShopwareTestShop.Number("ART-0007")));
        var minimum = TimeSpan.FromSeconds((requests.Length - Rate) / Rate);
        Assert.True(requests.Length >= 20, $"The sync must send more requests than the burst to measure pacing; it sent {requests.Length}.");
        Assert.InRange(elapsed, minimum, minimum * 1.2);
    }
}
