using Connect.Sdk.Features;
using Connect.Sdk.Otto.Http;
using Connect.Sdk.Otto.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Otto.Tests.Orders;

/// <summary>
/// The must-show for OTTO: the order list changes between pages (orders added and orders updated, some on pages
/// read already, some on pages still to come) and one import brings every order to the ERP, none twice.
/// </summary>
public sealed class OttoOrderPagingTests
{
    private const int Seeded = 300;

    [Fact]
    public async Task Import_OrdersAddedAndUpdatedBetweenPages_NoOrderMissedAndNoneTwice()
    {
        OttoTestMarket? running = null;
        var added = new List<string>();
        var changeBetweenPages = new AfterAnswerHandler(
            // The import's pages only: the connection check reads the list too, with limit=1 alone.
            r => r.RequestUri!.AbsolutePath == "/v4/orders" && (r.RequestUri.Query.Contains("fromDate=", StringComparison.Ordinal) || r.RequestUri.Query.Contains("nextcursor=", StringComparison.Ordinal)),
            page =>
            {
                var market = running!;
                if (page == 1)
                {
                    // Read already (page 1): listed again at the end. Still to come (page 2): moves behind it.
                    // With page offsets instead of OTTO's cursor, every order after them would move up one place and
                    // the first of page 2 would slip onto page 1, read already: lost for good.
                    market.Fake.Touch(Number(5));
                    market.Fake.Touch(Number(200));
                    added.Add(market.SeedOrder(9001, minutesAgo: 0).OrderNumber);
                    added.Add(market.SeedOrder(9002, minutesAgo: 0).OrderNumber);
                }
                else if (page == 2)
                {
                    market.Fake.Touch(Number(60));
                    market.Fake.Touch(Number(290), "CANCELLED_BY_MARKETPLACE");
                    added.Add(market.SeedOrder(9003, minutesAgo: 0).OrderNumber);
                }
            });
        await using var market = await OttoTestMarket.StartAsync(
            services => services.AddHttpClient(OttoClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => changeBetweenPages),
            features: [FeatureKind.Orders]);
        running = market;
        await market.MapArticleAsync(1, 100, 100);
        var seeded = Enumerable.Range(0, Seeded).Select(i => market.SeedOrder(1000 + i, minutesAgo: 600 - i).OrderNumber).ToArray();

        await market.Host.RunDueAsync();

        var lists = market.Fake.Requests.Where(r => r.Operation == "orders.list").ToArray();
        Assert.True(lists.Length >= 3, $"The import read {lists.Length} pages; the changes happen between pages 1, 2 and 3.");
        Assert.Contains(lists, r => r.PathAndQuery.Contains("nextcursor=", StringComparison.Ordinal));
        var expected = seeded.Concat(added).Where(n => n != Number(290)).ToDictionary(n => n, _ => 1);
        var received = market.Received();
        Assert.Equal(expected, received.Where(r => r.Key != Number(290)).ToDictionary(r => r.Key, r => r.Value));
        Assert.Equal(3, added.Count);
    }

    private static string Number(int index) => $"bq{1000 + index:D8}";
}
