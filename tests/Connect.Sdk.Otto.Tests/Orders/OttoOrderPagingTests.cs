using Connect.Sdk.Features;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Otto.Http;
using Connect.Sdk.Otto.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

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

        // OTTO keeps a changed order in its order-date place, so order 5's change, on page 1 read already, was not in
        // this pass: the next import must read from no later than that change, and hand over nothing twice.
        var changedAt = market.Host.Clock.GetCurrentInstant();
        var firstPass = market.Fake.Requests.Count;
        await market.Host.RunForAsync(Duration.FromHours(1));
        var next = market.Fake.Requests.Skip(firstPass).First(r => r.Operation == "orders.list" && r.PathAndQuery.Contains("fromDate=", StringComparison.Ordinal));
        var fromDate = Uri.UnescapeDataString(next.PathAndQuery.Split("fromDate=")[1].Split('&')[0]);
        Assert.True(InstantPattern.ExtendedIso.Parse(fromDate).Value <= changedAt, $"The next import read from {fromDate}, after the changes at {changedAt}.");
        Assert.Equal(expected, market.Received().Where(r => r.Key != Number(290)).ToDictionary(r => r.Key, r => r.Value));
    }

    [Fact]
    public async Task Import_ListFailsAfterAPageHoldingAFreshChange_NextImportStillReadsTheOrdersNotRead()
    {
        OttoTestMarket? running = null;
        var failAfterFirstPage = new AfterAnswerHandler(
            r => r.RequestUri!.AbsolutePath == "/v4/orders" && r.RequestUri.Query.Contains("fromDate=", StringComparison.Ordinal),
            page =>
            {
                if (page == 1)
                {
                    running!.Fake.Faults.Next(FaultKind.MalformedJson, times: 10, operation: "orders.list");
                }
            });
        await using var market = await OttoTestMarket.StartAsync(
            services => services.AddHttpClient(OttoClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => failAfterFirstPage),
            features: [FeatureKind.Orders]);
        running = market;
        await market.MapArticleAsync(1, 100, 100);
        var seeded = Enumerable.Range(0, 200).Select(i => market.SeedOrder(1000 + i, minutesAgo: 600 - i).OrderNumber).ToArray();

        // OTTO sorts by order date: the first page holds this old order, changed just now, beside orders unchanged for hours.
        market.Fake.Touch(Number(3));
        await market.Host.RunDueAsync();
        Assert.Contains(market.Fake.Requests, r => r.Operation == "orders.list" && r.PathAndQuery.Contains("nextcursor=", StringComparison.Ordinal));
        market.Fake.Faults.Clear();
        await market.Host.RunForAsync(Duration.FromHours(1));

        Assert.Equal(seeded.ToDictionary(n => n, _ => 1), market.Received());
    }

    private static string Number(int index) => $"bq{1000 + index:D8}";
}
