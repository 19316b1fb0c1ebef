using Connect.Sdk.Journal;
using Connect.Sdk.Prices;
using Connect.Sdk.Testing.Fakes;
using ErpHost.Erp;
using ErpHost.Marketplaces;
using Microsoft.Extensions.DependencyInjection;

namespace ErpHost.Story;

/// <summary>
/// Waits until a marketplace shows the price the connection's rules make of an article's ERP price, and its journal
/// entry explains it. The story checks what the marketplace shows, not what the SDK believes it sent.
/// </summary>
internal sealed class PriceArrival(IServiceProvider services, SampleErp erp, RunTracker runs, TimeSpan patience)
{
    private readonly PriceSync _prices = services.GetRequiredService<PriceSync>();
    private readonly SyncJournal _journal = services.GetRequiredService<SyncJournal>();

    /// <summary>Waits for the article's price on the marketplace; returns its journal entry, whose message explains the price.</summary>
    public async Task<JournalEntry> UntilShownAsync(SampleMarketplace market, string articleNumber, CancellationToken cancellationToken)
    {
        var rules = await _prices.GetRulesAsync(market.Connection, cancellationToken);
        var erpPrice = (await erp.Prices.GetPricesAsync(rules.PriceList, [articleNumber], cancellationToken)).Single();
        var quote = PriceCalculation.Quote(erpPrice, rules, market.Connection);
        var shown = (IPriceFake)market.Fake;
        var offer = market.OfferOf(articleNumber);
        var key = new JournalKey(market.Connection, RecordKind.ArticlePrice, articleNumber);
        JournalEntry? explained = null;
        await runs.UntilAsync(
            async token => shown.PriceOf(offer)?.Price == quote.Price
                && (explained = await _journal.GetAsync(key, token)) is { Status: JournalStatus.Succeeded or JournalStatus.Warning, Message: { } message }
                && message.Contains(quote.Explanation, StringComparison.Ordinal),
            $"price {quote.Price} of {articleNumber} on {market.DisplayName}",
            patience,
            cancellationToken);
        return explained!;
    }
}
