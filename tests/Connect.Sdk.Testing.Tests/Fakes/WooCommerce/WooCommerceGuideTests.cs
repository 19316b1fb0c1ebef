using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using Connect.Sdk.Testing.Faults;
using NodaTime.Testing;

namespace Connect.Sdk.Testing.Tests.Fakes.WooCommerce;

/// <summary>The WooCommerce fake's code in <c>docs/testing.md</c>, run.</summary>
public sealed class WooCommerceGuideTests
{
    [Fact]
    public async Task Guide_StartSeedAndReadBack_AsDocumented()
    {
        var order = WooTestOrders.Order(1001, WooTestOrders.Start, sku: "SHIRT-M");

        #region snippet: testing-woo-start
        await using var woo = WooCommerceFake.Start(
            new WooCommerceCredentials("ck_test", "cs_test"),
            new MarketplaceFakeOptions { Clock = new FakeClock(WooTestOrders.Start) });

        // The shop's address is woo.BaseAddress (http://127.0.0.1:{port}/); the REST API is woo.ApiAddress
        // (http://127.0.0.1:{port}/wp-json/wc/v3/). Point the connector's shop URL at BaseAddress.
        #endregion

        #region snippet: testing-woo-seed
        woo.SeedArticle(new ForeignNumber(ForeignNumberLabel.Sku, "MUG"), stock: 7);         // simple product
        woo.SeedVariation(new ForeignNumber(ForeignNumberLabel.Sku, "SHIRT-M"), 3, "SHIRT");  // variation of a variable product
        woo.SeedOrder(order);   // a MarketplaceOrder; line SKUs must be seeded

        // ... run the connector, then read back what it did:
        int? stock = woo.StockOf(new ForeignNumber(ForeignNumberLabel.Sku, "MUG"));
        OrderStatus? status = woo.StatusOf("1001");
        IReadOnlyList<FakeShipment> parcels = woo.ShipmentsOf("1001");
        IReadOnlyList<FakeRequest> requests = woo.Requests;                  // the request log
        #endregion

        Assert.StartsWith("http://127.0.0.1:", woo.BaseAddress.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/wp-json/wc/v3/", woo.ApiAddress.ToString(), StringComparison.Ordinal);
        Assert.Equal(7, stock);
        Assert.Equal(OrderStatus.Open, status);
        Assert.Empty(parcels);
        Assert.Empty(requests);
    }

    [Fact]
    public async Task Guide_Faults_AreInjectedAsDocumented()
    {
        await using var woo = WooCommerceFake.Start(new WooCommerceCredentials("ck_test", "cs_test"));

        #region snippet: testing-faults
        woo.Faults.Next(FaultKind.ServiceUnavailable, times: 2, operation: "orders.list");
        var plan = new FaultPlan(seed: 4711).Randomly(FaultKind.ServerError, 0.2);   // same seed, same faults
        #endregion

        Assert.Equal(FaultKind.ServiceUnavailable, woo.Faults.Draw("orders.list"));
        Assert.Equal(FaultKind.ServiceUnavailable, woo.Faults.Draw("orders.list"));
        Assert.Null(woo.Faults.Draw("orders.list"));
        Assert.Equal(4711, plan.Seed);
    }

    [Fact]
    public async Task Guide_PlainHttp_TakesOnlyOAuthSignatures()
    {
        #region snippet: testing-woo-plain-http
        await using var woo = WooCommerceFake.Start(new WooCommerceCredentials("ck_test", "cs_test"));
        woo.PlainHttp = true;   // only OAuth 1.0a signatures over http://127.0.0.1:{port}/… authenticate
        #endregion

        using var basic = WooCommerceFakeTests.Client(woo, "ck_test", "cs_test");
        using var response = await basic.GetAsync(new Uri("system_status", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
