using Connect.Sdk;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Stock;
using ErpHost.Erp;
using ErpHost.Marketplaces;
using ErpHost.Output;
using Microsoft.Extensions.DependencyInjection;

namespace ErpHost.Story;

/// <summary>
/// The seeds' go-live story for one connection: created with productive mode off, checked (a typo first),
/// foreign numbers imported from CSV, price rules set where the connector takes prices, tested on single records,
/// integration mode (refused for a missing setting, then accepted), productive. A connection that already went live
/// in an earlier run is only pointed at the fake's new address, the way a user re-points a moved shop: productive
/// off, change, check, on.
/// </summary>
internal sealed class GoLive(IServiceProvider services, SampleErp erp, StoryWriter writer, RunTracker runs, ConnectorFeatures features, PriceArrival priceArrival, TimeSpan patience)
{
    private static readonly Actor Anna = new("anna");

    // The ERP keeps net prices; every marketplace of the sample shows prices with VAT (Shopify's taxesIncluded, the
    // WooCommerce shop's "prices entered with tax", Amazon.de's value_with_tax), and the shop likes prices ending in .99.
    private static readonly PriceRules Rules = PriceRules.Default with { Basis = PriceBasis.Gross, PriceEnding = 0.99m };

    private readonly ConnectionLifecycle _lifecycle = services.GetRequiredService<ConnectionLifecycle>();
    private readonly PriceSync _priceSync = services.GetRequiredService<PriceSync>();

    public async Task<bool> RunAsync(SampleMarketplace market, CancellationToken cancellationToken)
    {
        var existing = await services.GetRequiredService<IConnectionStore>().GetAsync(market.Connection, cancellationToken);
        if (existing is not null)
        {
            return await ResumeAsync(market, existing, cancellationToken);
        }

        var id = market.Connection;
        writer.Step($"{market.DisplayName}: create the connection — productive mode stays off until everything is tested");
        writer.Show(await _lifecycle.CreateAsync(id, market.Connector, market.DisplayName, Anna, cancellationToken));

        writer.Step($"{market.DisplayName}: enter the endpoint and a mistyped token, check the connection");
        writer.Show(await _lifecycle.UpdateSettingsAsync(id, market.CredentialsWithTypo, Anna, cancellationToken));
        writer.Show(await _lifecycle.RunConnectionCheckAsync(id, Anna, cancellationToken));
        writer.Line("    Correct the token and check again:");
        writer.Show(await _lifecycle.UpdateSettingsAsync(id, market.Credentials, Anna, cancellationToken));
        writer.Show(await _lifecycle.RunConnectionCheckAsync(id, Anna, cancellationToken));

        writer.Step($"{market.DisplayName}: import foreign numbers from CSV — good rows are kept, the bad row is reported");
        await ImportForeignNumbersAsync(market, cancellationToken);

        if (features.Offers(market, FeatureKind.Prices))
        {
            writer.Step($"{market.DisplayName}: price rules — how the ERP's net list price becomes the price the marketplace shows");
            await SetPriceRulesAsync(market, cancellationToken);
        }

        await TestPhaseAsync(market, cancellationToken);

        var live = features.ToBringLive(market);
        writer.Step($"{market.DisplayName}: integration mode for {Named(live)}");
        writer.Show(await _lifecycle.SetFeatureModeAsync(id, FeatureKind.OrderStatus, FeatureMode.Integration, Anna, cancellationToken));
        writer.Line("    Fill in the missing setting and try again:");
        writer.Show(await _lifecycle.UpdateSettingsAsync(id, market.SettingsForIntegration, Anna, cancellationToken));
        foreach (var feature in live)
        {
            writer.Show(await _lifecycle.SetFeatureModeAsync(id, feature, FeatureMode.Integration, Anna, cancellationToken));
        }

        writer.Step($"{market.DisplayName}: productive mode on — the scheduler takes over");
        var productive = await _lifecycle.SetProductiveModeAsync(id, true, Anna, cancellationToken);
        writer.Show(productive);
        return productive.Succeeded;
    }

    private async Task ImportForeignNumbersAsync(SampleMarketplace market, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<ForeignNumberImporter>()
            .ImportCsvAsync(market.Connection, market.Connector, new StringReader(market.ForeignNumbersCsv), cancellationToken);
        writer.Line($"    {report}");
        foreach (var issue in report.Issues)
        {
            writer.Bad(issue.ToString());
        }
    }

    // "stock, orders, order status and prices", as the connection dialog names the features.
    private static string Named(IReadOnlyList<FeatureKind> features)
    {
        var names = features.Select(f => f == FeatureKind.OrderStatus ? "order status" : f.ToString().ToLowerInvariant()).ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }

    private async Task SetPriceRulesAsync(SampleMarketplace market, CancellationToken cancellationToken)
    {
        var problems = await _priceSync.SetRulesAsync(market.Connection, Rules, cancellationToken);
        writer.Line($"    {Rules}");
        foreach (var problem in problems)
        {
            writer.Bad(problem);
        }
    }

    private async Task TestPhaseAsync(SampleMarketplace market, CancellationToken cancellationToken)
    {
        var id = market.Connection;
        var withPrices = features.Offers(market, FeatureKind.Prices);
        writer.Step($"{market.DisplayName}: test phase — features in test mode, writes restricted to article {SampleMarketplace.TestArticle}");
        foreach (var feature in features.ToBringLive(market))
        {
            writer.Show(await _lifecycle.SetFeatureModeAsync(id, feature, FeatureMode.Test, Anna, cancellationToken));
        }

        if (!withPrices)
        {
            writer.Line($"    {features.PricesNotOffered(market)}");
        }

        writer.Show(await _lifecycle.SetImportModeAsync(id, ImportMode.Automatic, Anna, cancellationToken));
        await services.GetRequiredService<IForeignNumberStore>().SetRestrictedMappingAsync(id, new RestrictedArticleMapping(SampleMarketplace.TestArticle), cancellationToken);

        writer.Line($"    Send single records from the journal: {SampleMarketplace.TestArticle} (in the mapping) and 6100 (outside it)");
        writer.Line($"    {await services.GetRequiredService<StockSync>().SyncArticlesAsync(id, JournalSelection.Of(SampleMarketplace.TestArticle, "6100"), cancellationToken)}");
        var journal = services.GetRequiredService<SyncJournal>();
        await runs.UntilAsync(() => market.Fake.StockOf(market.OfferOf(SampleMarketplace.TestArticle)) is > 0, $"the stock of {SampleMarketplace.TestArticle} on {market.DisplayName}", patience, cancellationToken);
        if (withPrices)
        {
            writer.Line($"    And their prices: {await _priceSync.SyncArticlesAsync(id, JournalSelection.Of(SampleMarketplace.TestArticle, "6100"), cancellationToken)}");
            await priceArrival.UntilShownAsync(market, SampleMarketplace.TestArticle, cancellationToken);
        }

        var firstOrder = market.OrdersOf(0)[0];
        writer.Line($"    Import one order by its number: {firstOrder}");
        writer.Line($"    {await services.GetRequiredService<OrderImport>().ImportOrdersAsync(id, firstOrder, cancellationToken)}");
        await runs.UntilAsync(() => erp.OrderBook.IsBooked(id, firstOrder), $"order {firstOrder} in the ERP", patience, cancellationToken);
        RecordKind[] articleTabs = withPrices ? [RecordKind.ArticleStock, RecordKind.ArticlePrice] : [RecordKind.ArticleStock];
        var keys = articleTabs.SelectMany(tab => new[] { (tab, SampleMarketplace.TestArticle), (tab, "6100") }).Append((RecordKind.Order, firstOrder));
        foreach (var key in keys)
        {
            var entry = await journal.GetAsync(new JournalKey(id, key.Item1, key.Item2), cancellationToken);
            writer.Line($"    journal {key.Item1} {key.Item2}: {entry?.Status} — {entry?.Message}");
        }
    }

    private async Task<bool> ResumeAsync(SampleMarketplace market, Connection connection, CancellationToken cancellationToken)
    {
        var id = market.Connection;
        if (!connection.IsProductive)
        {
            // An earlier run stopped during the go-live: finish it with the steps that are still missing.
            writer.Step($"{market.DisplayName}: an earlier run stopped before productive mode — finish the go-live");
            writer.Show(await _lifecycle.UpdateSettingsAsync(id, market.Credentials, Anna, cancellationToken));
            writer.Show(await _lifecycle.UpdateSettingsAsync(id, market.SettingsForIntegration, Anna, cancellationToken));
            writer.Show(await _lifecycle.RunConnectionCheckAsync(id, Anna, cancellationToken));

            // The run may have stopped before the CSV step; importing the same file again changes nothing that is there.
            await ImportForeignNumbersAsync(market, cancellationToken);
            if (connection.ImportMode != ImportMode.Automatic)
            {
                writer.Show(await _lifecycle.SetImportModeAsync(id, ImportMode.Automatic, Anna, cancellationToken));
            }
        }
        else if (!market.PointsAtFake(connection))
        {
            writer.Step($"{market.DisplayName}: productive since an earlier run; the fake listens on a new port, so re-point the connection");
            writer.Show(await _lifecycle.SetProductiveModeAsync(id, false, Anna, cancellationToken));
            writer.Show(await _lifecycle.UpdateSettingsAsync(id, market.Endpoint, Anna, cancellationToken));
            writer.Show(await _lifecycle.RunConnectionCheckAsync(id, Anna, cancellationToken));
        }

        // An earlier run may have stopped before the price rules or a feature's integration mode, and a store from an
        // earlier version of the sample has no prices at all.
        if (features.Offers(market, FeatureKind.Prices) && await _priceSync.GetRulesAsync(id, cancellationToken) != Rules)
        {
            await SetPriceRulesAsync(market, cancellationToken);
        }

        foreach (var feature in features.ToBringLive(market).Where(f => connection.ModeOf(f) != FeatureMode.Integration))
        {
            writer.Show(await _lifecycle.SetFeatureModeAsync(id, feature, FeatureMode.Integration, Anna, cancellationToken));
        }

        var stored = await services.GetRequiredService<IConnectionStore>().GetAsync(id, cancellationToken);
        if (stored is { IsProductive: false })
        {
            var productive = await _lifecycle.SetProductiveModeAsync(id, true, Anna, cancellationToken);
            writer.Show(productive);
            if (!productive.Succeeded)
            {
                return false;
            }
        }

        // The fake starts empty on every run, like a shop restored from a backup: send every article's stock and price
        // again — one bulk action on each of the journal's whole tabs, as a user would from the journal.
        writer.Line("    The marketplace lost its stock levels: send every article again from the journal");
        var all = JournalSelection.Matching(new JournalQuery(id, RecordKind.ArticleStock));
        writer.Line($"    {await services.GetRequiredService<StockSync>().SyncArticlesAsync(id, all, cancellationToken)}");
        if (features.Offers(market, FeatureKind.Prices))
        {
            writer.Line("    And its prices: send every article's price again from the journal");
            var priced = JournalSelection.Matching(new JournalQuery(id, RecordKind.ArticlePrice));
            writer.Line($"    {await _priceSync.SyncArticlesAsync(id, priced, cancellationToken)}");
        }

        return true;
    }
}
