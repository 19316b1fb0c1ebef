using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Shopware.Orders;
using Connect.Sdk.Testing.Fakes.Shopware;
using NodaTime;

namespace Connect.Sdk.Shopware.Tests.Model;

/// <summary>
/// The fake and the connector against Shopware's official Admin API model rather than against each other: the orders and
/// products the fake renders hold only fields of the model, with its types, and the associations the connector asks for
/// are fields of the model.
/// </summary>
public sealed class ShopwareOfficialModelTests
{
    private static readonly OfficialModel Model = OfficialModel.Load();

    [Fact]
    public async Task FakeOrder_EveryAssociationFilled_OnlyFieldsOfTheOfficialModel()
    {
        await using var shop = ShopwareFake.Start(new ShopwareCredentials("SWIAMODEL", "model-secret"));
        shop.SeedArticle(Number("MUG-1"), 3);
        shop.SeedOrder(FullOrder());

        var problems = Model.Problems(shop.Orders().Single(), "Order");

        Assert.Empty(problems);
    }

    [Fact]
    public async Task FakeProduct_WithPriceAndTax_OnlyFieldsOfTheOfficialModel()
    {
        await using var shop = ShopwareFake.Start(new ShopwareCredentials("SWIAMODEL", "model-secret"));
        shop.SeedArticle(Number("MUG-1"), 3);

        Assert.Empty(Model.Problems(shop.Product("MUG-1")!, "Product"));
    }

    [Fact]
    public void OrderCriteria_EveryAssociation_AFieldOfTheOfficialModel() =>
        Assert.Empty(Model.UnknownAssociations(OrderCriteria.ChangedSince(null, 1, 1), "Order"));

    [Fact]
    public void Problems_FieldOutsideTheModelOrOfAnotherType_Reported()
    {
        var order = new System.Text.Json.Nodes.JsonObject { ["orderNumber"] = 10001, ["amountTotal"] = 1.5m, ["trackingNumber"] = "x" };

        Assert.Equal(["Order.orderNumber is Number, the model has \"string\"", "Order.trackingNumber is not a field of the model"], Model.Problems(order, "Order"));
    }

    private static ForeignNumber Number(string value) => new(ForeignNumberLabel.ArticleNumber, value);

    private static MarketplaceOrder FullOrder()
    {
        var at = Instant.FromUtc(2026, 11, 23, 8, 0);
        return new MarketplaceOrder
        {
            OrderNumber = "10001",
            MarketplaceOrderId = "10001",
            CreatedAt = at,
            UpdatedAt = at + Duration.FromMinutes(5),
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            Lines =
            [
                new OrderLine
                {
                    LineId = "1000101",
                    ForeignNumber = Number("MUG-1"),
                    Title = "Mug",
                    Quantity = 2,
                    UnitPrice = new Money(12.99m, CurrencyCode.Eur),
                    TaxRate = 0.19m,
                    TaxAmount = new Money(4.15m, CurrencyCode.Eur),
                },
            ],
            ShippingCost = new Money(4.90m, CurrencyCode.Eur),
            ShippingTax = new Money(0.78m, CurrencyCode.Eur),
            Total = new Money(30.88m, CurrencyCode.Eur),
            BillingAddress = new Address { Name = "Erika Mustermann", Company = "Mustermann GmbH", Street = "Heidestraße 17", AddressLine2 = "Hinterhaus", PostalCode = "51147", City = "Köln", Region = "DE-NW", CountryCode = "DE", Phone = "+49 221 123456" },
            ShippingAddress = new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
            BuyerEmail = "erika@example.com",
            PaymentMethod = "Invoice",
        };
    }
}
