using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Connect.Sdk.Orders;
using NodaTime;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Connect.Sdk.Http.Tests.Connectors;

public sealed class OrderPagingTests
{
    private static readonly OrderCursor Since = new(Instant.FromUtc(2026, 11, 1, 0, 0));

    [Fact]
    public async Task ByCursorAsync_ThreePages_YieldsEachNonEmptyPageUntilNoCursor()
    {
        var pages = new Dictionary<string, PageOf<string>>(StringComparer.Ordinal)
        {
            ["first"] = new(["1", "2"], "b"),
            ["b"] = new([], "c"),
            ["c"] = new(["3"], null),
        };

        var read = await ToListAsync(OrderPaging.ByCursorAsync((cursor, _) => Task.FromResult(pages[cursor ?? "first"]), AsUnreadable, Since, CancellationToken.None));

        Assert.Equal([["1", "2"], ["3"]], read);
    }

    [Fact]
    public async Task ByCursorAsync_CursorRepeats_ThrowsInsteadOfReadingForever()
    {
        var pages = OrderPaging.ByCursorAsync((_, _) => Task.FromResult(new PageOf<string>(["1"], "same")), AsUnreadable, Since, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(() => ToListAsync(pages));

        Assert.Equal(ConnectSdkErrorCode.AnswerUnreadable, failure.Code);
    }

    [Fact]
    public async Task ByOffsetAsync_LastPageShort_StopsAfterItAtGrowingOffsets()
    {
        var offsets = new List<int>();
        var orders = Enumerable.Range(1, 5).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();

        var read = await ToListAsync(OrderPaging.ByOffsetAsync<string>(
            (offset, _) =>
            {
                offsets.Add(offset);
                return Task.FromResult<IReadOnlyList<string>>(orders.Skip(offset).Take(2).ToArray());
            },
            2,
            AsUnreadable,
            Since,
            CancellationToken.None));

        Assert.Equal([0, 2, 4], offsets);
        Assert.Equal([["1", "2"], ["3", "4"], ["5"]], read);
    }

    [Fact]
    public async Task ByLinkHeaderAsync_NextLinks_FollowsThemToTheLastPage()
    {
        await using var harness = new ConnectorHarness();
        var next = $"{harness.Server.Url}/api/v1/orders?page_info=p2";
        harness.Server.Given(Request.Create().WithPath("/api/v1/orders").WithParam("page_info", "p2"))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Link", $"<{harness.Server.Url}/api/v1/orders?page_info=p1>; rel=\"previous\"").WithBody("3"));
        harness.Server.Given(Request.Create().WithPath("/api/v1/orders"))
            .AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Link", $"<{next}>; rel=\"next\"").WithBody("1,2"));
        var client = await harness.ClientAsync();

        var read = await ToListAsync(OrderPaging.ByLinkHeaderAsync(client, MarketplaceCall.Get("orders?limit=2", "orders.list"), a => a.Body.Split(','), AsUnreadable, Since, CancellationToken.None));

        Assert.Equal([["1", "2"], ["3"]], read);
    }

    [Fact]
    public async Task ByLinkHeaderAsync_PageRefused_ThrowsWithTheStatus()
    {
        await using var harness = new ConnectorHarness();
        harness.Server.Given(Request.Create().WithPath("/api/v1/orders")).RespondWith(Response.Create().WithStatusCode(400).WithBody("bad filter"));
        var client = await harness.ClientAsync();

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(() => ToListAsync(OrderPaging.ByLinkHeaderAsync(client, MarketplaceCall.Get("orders", "orders.list"), a => a.Body.Split(','), AsUnreadable, Since, CancellationToken.None)));

        Assert.Equal(ConnectSdkErrorCode.MarketplaceRefused, failure.Code);
        Assert.Contains("bad filter", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<https://a.test/o?p=2>; rel=\"next\", <https://a.test/o?p=0>; rel=\"previous\"", "https://a.test/o?p=2")]
    [InlineData("<https://a.test/o?p=0>; rel=\"previous\", <https://a.test/o?p=2>; rel=\"next\"", "https://a.test/o?p=2")]
    [InlineData("<https://a.test/o?p=0>; rel=\"previous\"", null)]
    [InlineData("", null)]
    public void NextLink_LinkHeader_FindsTheNextTarget(string header, string? expected) =>
        Assert.Equal(expected, OrderPaging.NextLink(header));

    /// <summary>Maps every order to unreadable, so a page's content is visible without building whole orders.</summary>
    private static bool AsUnreadable(string payload, [NotNullWhen(true)] out MarketplaceOrder? order, [NotNullWhen(false)] out UnreadableOrder? unreadable)
    {
        order = null;
        unreadable = new UnreadableOrder(payload, "test");
        return false;
    }

    private static async Task<List<List<string>>> ToListAsync(IAsyncEnumerable<OrderPage> pages)
    {
        var read = new List<List<string>>();
        await foreach (var page in pages)
        {
            read.Add(page.Unreadable.Select(u => u.OrderNumber).ToList());
        }

        return read;
    }
}
