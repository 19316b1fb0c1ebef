using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>The marketplaces the sample knows, started and stopped together.</summary>
internal sealed class SampleMarketplaces : IAsyncDisposable
{
    private static readonly Dictionary<string, Func<SampleMarketplace>> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["basar"] = () => new BasarMarketplace(),
        ["shopify"] = () => new ShopifyMarketplace(),
        ["woocommerce"] = () => new WooCommerceMarketplace(),
        ["amazon"] = () => new AmazonMarketplace(),
        ["kaufland"] = () => new KauflandMarketplace(),
        ["otto"] = () => new OttoMarketplace(),
        ["shopware"] = () => new ShopwareMarketplace(),
        ["mirakl"] = () => new MiraklMarketplace(),
        ["ebay"] = () => new EbayMarketplace(),
    };

    private SampleMarketplaces(IReadOnlyList<SampleMarketplace> all) => All = all;

    /// <summary>The names <c>--marketplaces</c> accepts.</summary>
    public static IReadOnlyCollection<string> Names => Known.Keys;

    public IReadOnlyList<SampleMarketplace> All { get; }

    /// <summary>Starts the fakes of the named marketplaces on loopback.</summary>
    public static async Task<SampleMarketplaces> StartAsync(IReadOnlyList<string> names, IClock clock, CancellationToken cancellationToken)
    {
        var started = new SampleMarketplaces([.. names.Select(n => Known[n]())]);
        try
        {
            foreach (var market in started.All)
            {
                await market.StartAsync(clock, cancellationToken);
            }

            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var market in All)
        {
            await market.DisposeAsync();
        }
    }
}
