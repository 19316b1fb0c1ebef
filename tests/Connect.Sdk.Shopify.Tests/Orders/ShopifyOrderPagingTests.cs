using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Shopify.Tests.Faults;
using NodaTime;

namespace Connect.Sdk.Shopify.Tests.Orders;

/// <summary>The order list pages through <c>OrderPaging.ByCursorAsync</c>: a cursor Shopify names twice ends the read instead of looping.</summary>
public sealed class ShopifyOrderPagingTests : ShopifyFaultFixture
{
    [Fact]
    public async Task FetchChangedOrders_ShopNamesTheSameNextCursorAgain_FailsAsUnreadableInsteadOfReadingForever()
    {
        await MapArticlesAsync(1);
        SeedOrders(2);
        string? first = null;
        var changed = 0;
        Traffic.ChangeAnswer = (request, answer) =>
        {
            // Every page says another follows, at the cursor of the first page (a few times, so a loop would still end).
            if (!request.Contains("query Orders(", StringComparison.Ordinal) || answer["data"]?["orders"]?["pageInfo"] is not JsonObject pageInfo || ++changed > 5)
            {
                return;
            }

            first ??= (string?)pageInfo["endCursor"];
            pageInfo["hasNextPage"] = true;
            pageInfo["endCursor"] = first;
        };
        var orders = Host.Get<ConnectorRegistry>().Get(ShopifyConnector.Id).GetFeature<IOrdersFeature>()!;
        var context = await Host.ContextOfAsync(Connection);

        var error = await Assert.ThrowsAsync<ConnectSdkException>(async () =>
        {
            await foreach (var _ in orders.FetchChangedOrdersAsync(context, new OrderCursor(Instant.FromUtc(2026, 1, 1, 0, 0)), CancellationToken.None))
            {
            }
        });

        Assert.Equal(ConnectSdkErrorCode.AnswerUnreadable, error.Code);
        Assert.Contains($"page '{first}' twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Traffic.Exchanges.Count(e => e.Request.Contains("query Orders(", StringComparison.Ordinal)));
    }
}
