using System.Globalization;
using Basar.Connector;
using Basar.Connector.Fake;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Faults;
using NodaTime;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// One fake Basar per connection on loopback, each with its own token and its own orders, answering every request
/// after the same latency and without a rate limit. A Basar fake serves one shop, so a connection that shares a fake
/// would import every other connection's orders too; one small server per connection is what keeps each connection's
/// orders its own.
/// </summary>
internal sealed class MarketplaceFarm : IAsyncDisposable
{
    private readonly BasarFake[] _fakes;

    private MarketplaceFarm(BasarFake[] fakes) => _fakes = fakes;

    public int Count => _fakes.Length;

    public static MarketplaceFarm Start(int connections, Duration latency)
    {
        var fakes = new BasarFake[connections];
        for (var i = 0; i < connections; i++)
        {
            var options = new MarketplaceFakeOptions { SlowResponseDelay = latency, Faults = new FaultPlan() };
            if (latency > Duration.Zero)
            {
                // The fault plan's slow answer on every request is the fakes' latency: a marketplace is never instant.
                options.Faults.Randomly(FaultKind.SlowResponse, 1.0);
            }

            fakes[i] = BasarFake.Start(TokenOf(i), options);
            foreach (var article in ScalingArticles.Numbers)
            {
                fakes[i].SeedArticle(ScalingArticles.OfferOf(article), 0);
            }
        }

        return new MarketplaceFarm(fakes);
    }

    public static ConnectionId ConnectionOf(int index) => new("basar-" + index.ToString("D3", CultureInfo.InvariantCulture));

    public static string TokenOf(int index) => "token-" + index.ToString(CultureInfo.InvariantCulture);

    public Uri AddressOf(int index) => _fakes[index].BaseAddress;

    /// <summary>Places order number <paramref name="serial"/> of connection <paramref name="index"/> on its fake.</summary>
    public string PlaceOrder(int index, int serial, Instant now)
    {
        var number = string.Create(CultureInfo.InvariantCulture, $"{ConnectionOf(index)}-{serial}");
        var article = ScalingArticles.Numbers[serial % ScalingArticles.Numbers.Count];
        _fakes[index].SeedOrder(new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = "9" + number,
            CreatedAt = now,
            UpdatedAt = now,
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            Lines =
            [
                new OrderLine
                {
                    LineId = number + "-L1",
                    ForeignNumber = ScalingArticles.OfferOf(article),
                    Title = "Article " + article,
                    Quantity = 1 + (serial % 3),
                    UnitPrice = new Money(19.90m, CurrencyCode.Eur),
                    TaxRate = 0.19m,
                },
            ],
            ShippingCost = new Money(4.90m, CurrencyCode.Eur),
            ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        });
        return number;
    }

    public int? StockOf(int index, string article) => _fakes[index].StockOf(ScalingArticles.OfferOf(article));

    public static string OfferLabel => BasarConnector.OfferIdLabel.Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var fake in _fakes)
        {
            await fake.DisposeAsync();
        }
    }
}
