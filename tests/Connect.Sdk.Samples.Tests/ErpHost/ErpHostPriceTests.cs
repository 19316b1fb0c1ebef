using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Samples.Tests.ErpHost;

/// <summary>
/// The main-job sample shows a price change going out (issue 16): the ERP raises the coffee mug's net list price from
/// 19.99 to 21.49 in the first productive cycle, and every marketplace whose connector takes prices shows the price the
/// connection's rules (gross, ending 0.99) make of it, explained in the journal. Basar's connector takes no prices.
/// </summary>
public sealed class ErpHostPriceTests : IDisposable
{
    private const string Explanation = "sent 25.99 EUR: list price 21.49 net + 19 % VAT = 25.57 → rounded 25.99 EUR gross";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-erphost-tests", Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_folder, "connect.db");

    [Fact]
    public async Task DefaultRun_ErpChangesAPrice_EveryPriceTakingMarketplaceShowsItWithItsExplanation()
    {
        var run = await SampleProcess.RunAsync("ErpHost", ["--store", StorePath, "--cycles", "1", "--speed", "120"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var marketplace in new[] { "Shopify DE", "WooCommerce shop", "Amazon DE", "Shopware shop" })
        {
            // The story prints this once the marketplace's fake shows 25.99 (IPriceFake.PriceOf) and the journal explains it.
            Assert.Contains($"    {marketplace}: 4711 shows its new price — journal: {Explanation}", run.Output);
            Assert.Equal(("Succeeded", Explanation), PriceTab(run, marketplace)["4711"]);
        }

        // Amazon has no struck-through price a seller sets: the desk lamp's compare-at price is reported, not sent.
        var lamp = PriceTab(run, "Amazon DE")["6100"];
        Assert.Equal("Warning", lamp.Status);
        Assert.Contains("compare-at price not published on Amazon: 59.99 EUR is not sent for SKU AZ-6100", lamp.Message, StringComparison.Ordinal);
        Assert.Equal(("Succeeded", "sent 48.99 EUR: list price 41.09 net + 19 % VAT = 48.90 → rounded 48.99 EUR gross; compare-at 50.34 net + 19 % VAT = 59.90 → rounded 59.99 EUR gross"), PriceTab(run, "Shopify DE")["6100"]);

        // Shopware's list price is the compare-at price: sent, not reported.
        Assert.Equal(("Succeeded", "sent 48.99 EUR: list price 41.09 net + 19 % VAT = 48.90 → rounded 48.99 EUR gross; compare-at 50.34 net + 19 % VAT = 59.90 → rounded 59.99 EUR gross"), PriceTab(run, "Shopware shop")["6100"]);

        Assert.Contains("  Basar DE — ArticlePrice: prices are not offered by the Basar connector (it offers Stock, Orders, OrderStatus), so connection basar-de sends none", run.Output);
        Assert.DoesNotContain(run.Output, l => l.StartsWith("    Basar DE: 4711 shows its new price", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunTwice_OnTheSameStore_SecondRunSendsThePricesAgainAndTheChangeStillShows()
    {
        string[] arguments = ["--store", StorePath, "--cycles", "1", "--speed", "120", "--marketplaces", "shopify"];
        var first = await SampleProcess.RunAsync("ErpHost", arguments);
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = await SampleProcess.RunAsync("ErpHost", arguments);

        // The fake starts with its own prices again; the resumed connection sends every price from the journal, and the
        // ERP's change (made again, from 19.99) reaches the shop.
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("    And its prices: send every article's price again from the journal", second.Output);
        Assert.Contains("    ▸ PriceSync for shopify-de (Manual): Completed, 5 succeeded, 0 warning(s), 0 failed, 0 skipped", second.Output);
        Assert.Contains($"    Shopify DE: 4711 shows its new price — journal: {Explanation}", second.Output);
        Assert.All(PriceTab(second, "Shopify DE"), entry => Assert.Equal("Succeeded", entry.Value.Status));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The price tab of a connection as the sample's journal report prints it: per article, status and message.</summary>
    private static Dictionary<string, (string Status, string Message)> PriceTab(SampleRun run, string marketplace)
    {
        var header = run.Output.ToList().FindIndex(l => l.StartsWith($"  {marketplace} — ArticlePrice (", StringComparison.Ordinal));
        Assert.True(header >= 0, $"The journal report has no price tab for {marketplace}:\n{run}");

        // Entries are indented four spaces: "    4711       Succeeded  sent 25.99 EUR: …".
        return run.Output.Skip(header + 1)
            .TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ', 2))
            .Select(parts => (Article: parts[0], StatusAndMessage: parts[1].TrimStart().Split(' ', 2)))
            .ToDictionary(e => e.Article, e => (e.StatusAndMessage[0], e.StatusAndMessage[1].TrimStart()), StringComparer.Ordinal);
    }
}
