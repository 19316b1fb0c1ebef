using System.Collections.Concurrent;
using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Ebay;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Ebay.Tests.TestSupport;

/// <summary>
/// A productive eBay connection against the fake, with the SDK in memory and the connector registered by
/// <c>AddEbay()</c> (the real handler chain), logging to the run-wide record.
/// </summary>
internal sealed class EbayTestSeller : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log;

    private EbayTestSeller(EbayFake fake, ConnectTestHost host, ConcurrentQueue<string> log)
    {
        Fake = fake;
        Host = host;
        _log = log;
    }

    public IReadOnlyList<string> LogLines => [.. _log];

    public EbayFake Fake { get; }

    public ConnectTestHost Host { get; }

    public ConnectionId Connection { get; private set; }

    public static async Task<EbayTestSeller> StartAsync(MarketplaceFakeOptions? options = null, params FeatureKind[] features)
    {
        var fake = EbayFake.Start(EbayTestKeys.Credentials, options);
        var log = new ConcurrentQueue<string>();
        var host = ConnectTestHost.Create(sdk =>
        {
            sdk.Services.AddSingleton(AdapterTestLog.CreateFactory(log));
            sdk.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            sdk.AddEbay();
        });
        var seller = new EbayTestSeller(fake, host, log);
        seller.Connection = await host.CreateProductiveConnectionAsync(EbayConnector.Id, EbayTestKeys.Settings(fake.BaseAddress), "ebay-de", features);
        return seller;
    }

    /// <summary>A variant's foreign number: its SKU (the SDK's rule for eBay variants).</summary>
    public static ForeignNumber Sku(int index) => new(ForeignNumberLabel.Sku, string.Create(CultureInfo.InvariantCulture, $"SKU-{index}"));

    /// <summary>A simple article's foreign number: its single-SKU listing's id (the SDK's rule for eBay articles).</summary>
    public static ForeignNumber Listing(int index) => new(ForeignNumberLabel.EbayListing, string.Create(CultureInfo.InvariantCulture, $"11055300{index:D4}"));

    /// <summary>The SKU the fake gives the inventory item of <see cref="Listing"/>.</summary>
    public static string ListingSku(int index) => "L-" + Listing(index).Value;

    public static string Article(int index) => string.Create(CultureInfo.InvariantCulture, $"ART-{index}");

    /// <summary>
    /// A simple article eBay lists as a single-SKU listing with <paramref name="ebayStock"/> and the ERP holds
    /// <paramref name="erpStock"/> of, mapped by its listing id as the SDK's rules for eBay say.
    /// </summary>
    public async Task MapArticleAsync(int index, int ebayStock, int erpStock, bool listed = true)
    {
        if (listed)
        {
            Fake.SeedArticle(Listing(index), ebayStock);
        }

        await Host.AddArticleAsync(Connection, new Connect.Sdk.Articles.Article(Article(index), "Article " + index, ArticleKind.Simple), Listing(index), erpStock);
    }

    /// <summary>
    /// A variant of the matrix article <c>MATRIX-{listing}</c>: a variation with SKU <c>SKU-{index}</c> of the listing
    /// <paramref name="listing"/> on eBay, mapped by its SKU as the SDK's rules for eBay say.
    /// </summary>
    public async Task MapVariantAsync(int index, string listing, int ebayStock, int erpStock)
    {
        Fake.SeedVariation(listing, Sku(index).Value, ebayStock);
        var parent = "MATRIX-" + listing;
        Host.Articles.Add(new Connect.Sdk.Articles.Article(parent, "Matrix " + listing, ArticleKind.MatrixParent));

        await Host.AddArticleAsync(Connection, new Connect.Sdk.Articles.Article(Article(index), "Variant " + index, ArticleKind.Variant, parent), Sku(index), erpStock);
    }

    /// <summary>
    /// Places an order of <paramref name="quantity"/> units of SKU-1 at 12.50 with 4.90 shipping on the fake, changed five
    /// minutes before the host's clock; <paramref name="change"/> reshapes it first.
    /// </summary>
    public MarketplaceOrder SeedOrder(string number, int quantity = 1, Func<MarketplaceOrder, MarketplaceOrder>? change = null)
    {
        var at = Host.Clock.GetCurrentInstant() - Duration.FromMinutes(5);
        var order = new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = number,
            CreatedAt = at,
            UpdatedAt = at,
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            Lines =
            [
                new OrderLine
                {
                    LineId = number.Replace("-", string.Empty, StringComparison.Ordinal) + "01",
                    ForeignNumber = Listing(1),
                    Title = "Enamel mug",
                    Quantity = quantity,
                    UnitPrice = new Money(12.50m, CurrencyCode.Eur),
                    TaxRate = 0.19m,
                },
            ],
            ShippingCost = new Money(4.90m, CurrencyCode.Eur),
            ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        };
        order = change?.Invoke(order) ?? order;
        Fake.SeedOrder(order);
        return order;
    }

    public async Task<JournalEntry> JournalAsync(RecordKind kind, string key) =>
        await Host.Journal.GetAsync(new JournalKey(Connection, kind, key), CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException($"No journal entry for {kind} {key}.");

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
