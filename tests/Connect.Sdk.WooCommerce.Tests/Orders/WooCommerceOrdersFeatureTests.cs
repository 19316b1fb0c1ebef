using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.WooCommerce.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.WooCommerce.Tests.TestSupport.WooTestShop;

namespace Connect.Sdk.WooCommerce.Tests.Orders;

public sealed class WooCommerceOrdersFeatureTests
{
    [Fact]
    public async Task Import_FullyPopulatedGrossOrder_ArrivesWithEveryFieldWooCommerceCarries()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        await shop.MapArticleAsync(2, 100, 100);
        var at = shop.Host.Clock.GetCurrentInstant() - Duration.FromMinutes(5);
        var eur = CurrencyCode.Eur;
        var expected = new MarketplaceOrder
        {
            OrderNumber = "5001",
            MarketplaceOrderId = "5001",
            CreatedAt = at - Duration.FromMinutes(42),
            UpdatedAt = at,
            Currency = eur,
            Status = OrderStatus.Open,
            PricesIncludeTax = true,
            Lines =
            [
                new OrderLine { LineId = "500101", ForeignNumber = Sku(1), Sku = "SKU-1", Title = "Enamel mug, blue", Quantity = 3, UnitPrice = new Money(12.99m, eur), TaxAmount = new Money(6.22m, eur) },
                new OrderLine { LineId = "500102", ForeignNumber = Sku(2), Sku = "SKU-2", Title = "Linen tea towel", Quantity = 1, UnitPrice = new Money(8.40m, eur), TaxAmount = new Money(0.55m, eur) },
            ],
            ShippingCost = new Money(4.90m, eur),
            ShippingTax = new Money(0.78m, eur),
            Total = new Money(52.27m, eur),
            BillingAddress = new Address { Name = "Erika Mustermann", Company = "Mustermann GmbH", Street = "Heidestraße 17", AddressLine2 = "Hinterhaus", PostalCode = "51147", City = "Köln", Region = "NRW", CountryCode = "DE", Phone = "+49 221 123456" },
            ShippingAddress = new Address { Name = "Max Mustermann", Company = "Lager Süd", Street = "Am Hafen 3", AddressLine2 = "Tor 2", PostalCode = "20457", City = "Hamburg", Region = "HH", CountryCode = "DE", Phone = "+49 40 987654" },
            BuyerEmail = "erika@example.com",
            PaymentMethod = "invoice",
        };
        shop.Fake.SeedOrder(expected);

        await shop.Host.RunDueAsync();

        var received = Assert.Single(shop.Host.Orders.Orders).Order;
        Assert.Equal(expected with { Lines = [] }, received with { Lines = [] });
        Assert.Equal(expected.Lines, received.Lines);
    }

    [Theory]
    [InlineData("line_items")]
    [InlineData("tax_lines")]
    public async Task Import_AnOrderWithANullInAList_FailsAloneNamingTheField_TheOthersAndLaterOrdersArrive(string list)
    {
        // The fake stamps a changed order with its own clock: the host's start, not the machine's time.
        await using var shop = await StartAsync(options: new MarketplaceFakeOptions { Clock = new FakeClock(ConnectTestHost.Start) }, features: [FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        var before = shop.SeedOrder(7001, minutesAgo: 40);
        var broken = shop.SeedOrder(7002, minutesAgo: 30);
        var after = shop.SeedOrder(7003, minutesAgo: 20);
        shop.Fake.ChangeOrder(broken.OrderNumber, json => json[list] = new JsonArray((JsonNode?)null));
        shop.Fake.ChangeOrder(after.OrderNumber, _ => { });

        await shop.Host.RunForAsync(Duration.FromMinutes(16));
        var later = shop.SeedOrder(7004, minutesAgo: 0);
        await shop.Host.RunForAsync(Duration.FromMinutes(16));

        Assert.Equal(new Dictionary<string, int> { [before.OrderNumber] = 1, [after.OrderNumber] = 1, [later.OrderNumber] = 1 }, shop.Received());
        var entry = await shop.JournalAsync(RecordKind.Order, broken.OrderNumber);
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains($"WooCommerce order {broken.OrderNumber} could not be read: {list}[0] is null", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ManyPages_EveryOrderOnce_AskedByModificationTimeInGmt()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        var numbers = Enumerable.Range(0, 250).Select(i => shop.SeedOrder(40000 + i, minutesAgo: 600 - i).OrderNumber).ToArray();

        await shop.Host.RunDueAsync();

        Assert.Equal(numbers.ToDictionary(n => n, _ => 1), shop.Received());
        Assert.All(
            shop.Fake.Requests.Where(r => r.Operation == "orders.list"),
            r => Assert.Contains("dates_are_gmt=true&orderby=modified&order=asc&per_page=100", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_AnOrderOfTheFirstPageChangesWhileThePagesAreRead_NoOrderIsSkipped()
    {
        // With plain page numbers the changed order moves to the end, every later order one place up, and the first
        // order of page 2 would slip onto page 1, already read: lost for good once the cursor passed it.
        WooTestShop? running = null;
        var changeOnFirstPage = new AfterFirstAnswerHandler(
            r => r.RequestUri!.AbsolutePath.EndsWith("/orders", StringComparison.Ordinal),
            () => running!.Fake.ChangeOrder("40010", json => json["customer_note"] = "Please ring twice"));
        await using var shop = await StartAsync(services => services.AddHttpClient(Http.WooCommerceClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => changeOnFirstPage), features: [FeatureKind.Orders]);
        running = shop;
        await shop.MapArticleAsync(1, 100, 100);
        var numbers = Enumerable.Range(0, 250).Select(i => shop.SeedOrder(40000 + i, minutesAgo: 600 - i).OrderNumber).ToArray();

        await shop.Host.RunDueAsync();

        Assert.Equal("Please ring twice", (string?)shop.Fake.Orders().Single(o => (string?)o["number"] == "40010")["customer_note"]);
        Assert.Equal(numbers.ToDictionary(n => n, _ => 1), shop.Received());
    }

    [Fact]
    public async Task ImportByNumber_IdNumberAndPluginNumber_BothFound_UnknownNotFound()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        shop.SeedOrder(6001, minutesAgo: 60 * 48);

        // A sequential-numbers plugin: number WC-77 for order id 6002.
        var plugin = shop.SeedOrder(6002, minutesAgo: 60 * 48);
        shop.Fake.ChangeOrder("6002", json => json["number"] = "WC-77");

        await shop.Host.OrderImport.ImportOrdersAsync(shop.Connection, "6001, WC-77, 9999", CancellationToken.None);
        await shop.Host.RunDueAsync();

        Assert.Equal(1, shop.Received()["6001"]);
        Assert.Equal(1, shop.Received()["WC-77"]);
        Assert.Equal(plugin.MarketplaceOrderId, shop.Host.Orders.Orders.Single(o => o.Order.OrderNumber == "WC-77").Order.MarketplaceOrderId);
        var unknown = await shop.JournalAsync(RecordKind.Order, "9999");
        Assert.Equal(JournalStatus.Failed, unknown.Status);
        Assert.Contains("not found", unknown.Message, StringComparison.Ordinal);
        Assert.Contains(shop.Fake.Requests, r => r.PathAndQuery.Contains("search=WC-77", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportByNumber_NumberIsNoOrderId_TheExpected404IsNoWarning()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        shop.SeedOrder(6003, minutesAgo: 60 * 48);
        shop.Fake.ChangeOrder("6003", json => json["number"] = "77");

        await shop.Host.OrderImport.ImportOrdersAsync(shop.Connection, "77", CancellationToken.None);
        await shop.Host.RunDueAsync();

        // Order id 77 does not exist: the 404 is how the number search begins, not a refusal worth an operator's look.
        Assert.Equal(1, shop.Received()["77"]);
        Assert.Contains(shop.Fake.Requests, r => r.Operation == "orders.get" && r.PathAndQuery.EndsWith("/orders/77", StringComparison.Ordinal));
        Assert.DoesNotContain(shop.LogLines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains(shop.LogLines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("orders.get answered 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_SiteLocalDatesDifferFromGmt_TimesComeFromTheGmtFields()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        var order = shop.SeedOrder(7001, minutesAgo: 30);
        shop.Fake.ChangeOrder("7001", json =>
        {
            // A shop in New York: the site-local fields are five hours behind; only the *_gmt ones are UTC.
            json["date_created"] = "2026-11-23T02:30:00";
            json["date_modified"] = "2026-11-23T02:30:00";
        });

        await shop.Host.RunDueAsync();

        var received = Assert.Single(shop.Host.Orders.Orders).Order;
        Assert.Equal(order.CreatedAt, received.CreatedAt);
        Assert.Equal(
            Instant.FromDateTimeOffset(DateTimeOffset.Parse((string)shop.Fake.Orders().Single()["date_modified_gmt"]! + "Z", CultureInfo.InvariantCulture)),
            received.UpdatedAt);
    }
}
