using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland.Tests.TestSupport;
using Connect.Sdk.Testing.Fakes.Kaufland;
using NodaTime;

namespace Connect.Sdk.Kaufland.Tests.Fake;

/// <summary>The fake's order units keep to the Seller API's <c>OrderUnitStatus</c> values.</summary>
public sealed class KauflandFakeOrderUnitTests
{
    [Fact]
    public async Task SetOrderUnitStatus_StatusNotInTheModel_RefusedAndUnitUnchanged()
    {
        await using var fake = KauflandFake.Start(KauflandTestKeys.Keys);
        var mug = new ForeignNumber(ForeignNumberLabel.ApiUnitId, "400000001");
        fake.SeedArticle(mug, 5);
        fake.SeedOrder(KauflandTestOrders.Order("MHRYPC1", Instant.FromUtc(2026, 11, 23, 8, 0), (mug, 1)));
        var unit = fake.OrderUnitsOf("MHRYPC1")[0];

        var refused = Assert.Throws<ArgumentException>(() => fake.SetOrderUnitStatus(unit["id_order_unit"]!.GetValue<long>(), "awaiting_payment"));

        Assert.Contains("'awaiting_payment'", refused.Message, StringComparison.Ordinal);
        Assert.Equal("need_to_be_sent", fake.OrderUnitsOf("MHRYPC1")[0]["status"]!.GetValue<string>());
    }
}
