using Connect.Sdk.Articles;
using Connect.Sdk.ArticleSync;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Prices;

/// <summary>
/// What the price runners do: the shared article work (<see cref="ArticleSyncWork{TSend}"/>) with the ERP's prices
/// in the rules' price list, the connection's <see cref="PriceRules"/> and the prices last sent. An article without a
/// price in the list, or whose price the rules refuse (another currency, negative, a VAT rate out of range), fails
/// alone with the reason; the others are sent.
/// </summary>
/// <remarks>
/// The host's price source is optional at start-up, since a host without prices never switches the feature on; a
/// run without one fails as a whole, saying so.
/// </remarks>
internal sealed class PriceSyncWork(
    MappedArticleCandidates mapped,
    ManualWorkQueue queue,
    SyncJournal journal,
    IArticleCatalog catalog,
    IPriceSource? priceSource,
    IPriceRulesStore rulesStore,
    IPriceSyncStateStore state,
    IForeignNumberStore foreignNumbers,
    ForeignNumberRules foreignNumberRules,
    ForeignNumberResolver resolver,
    IClock clock,
    ILogger<PriceSyncWork> logger)
    : ArticleSyncWork<PriceSend>(mapped, queue, journal, catalog, foreignNumbers, foreignNumberRules, resolver, clock, logger)
{
    protected override string Title => "Price sync";

    protected override string SwitchedOff(string articleNumber) =>
        $"stock sync is switched off for article {articleNumber}, and prices follow that switch; switch it on in the ERP to publish its price";

    protected override async ValueTask<ArticleRun<PriceSend>> StartAsync(WorkRun run, CancellationToken cancellationToken)
    {
        var feature = run.Connector.GetFeature<IPriceFeature>()
            ?? throw new ConnectSdkException($"Connector '{run.Connection.ConnectorId}' does not implement the price feature.") { ConnectionId = run.Connection.Id };
        var source = priceSource
            ?? throw new ConnectSdkException("The host supplies no price source, so no price can be read; register one with builder.UsePriceSource<T>().") { ConnectionId = run.Connection.Id };
        var rules = await rulesStore.GetAsync(run.Connection.Id, cancellationToken).ConfigureAwait(false);
        var sender = new PriceBatchSender(run, feature, Journal, state, Clock, Logger);
        return new ArticleRun<PriceSend>(sender, ArticleSyncMetrics.Prices, (chunk, onlyChanged, ct) => PlanAsync(source, state, run.Connection.Id, rules, chunk, onlyChanged, ct));
    }

    private static async ValueTask<ArticleChunkPlan<PriceSend>> PlanAsync(
        IPriceSource source, IPriceSyncStateStore state, ConnectionId connection, PriceRules rules, IReadOnlyList<MappedArticle> chunk, bool onlyChanged, CancellationToken cancellationToken)
    {
        var byNumber = new Dictionary<string, MappedArticle>(chunk.Count, StringComparer.Ordinal);
        foreach (var candidate in chunk)
        {
            byNumber.TryAdd(candidate.Article.Number, candidate);
        }

        var prices = await source.GetPricesAsync(rules.PriceList, byNumber.Keys, cancellationToken).ConfigureAwait(false);
        var quotes = new Dictionary<string, PriceQuote>(prices.Count, StringComparer.Ordinal);
        foreach (var price in prices)
        {
            if (byNumber.ContainsKey(price.ArticleNumber) && !quotes.ContainsKey(price.ArticleNumber))
            {
                quotes.Add(price.ArticleNumber, PriceCalculation.Quote(price, rules, connection));
            }
        }

        var lastSent = onlyChanged
            ? await state.GetAsync(connection, byNumber.Keys, cancellationToken).ConfigureAwait(false)
            : null;
        var sends = new List<PriceSend>(quotes.Count);
        var unsendable = new List<(MappedArticle, string)>();
        var unchanged = 0;
        foreach (var candidate in byNumber.Values)
        {
            if (!quotes.TryGetValue(candidate.Article.Number, out var quote))
            {
                unsendable.Add((candidate, $"the ERP has no {PriceCalculation.ListName(rules.PriceList)} for article {candidate.Article.Number}, so no price was sent"));
            }
            else if (quote.IsRefused)
            {
                unsendable.Add((candidate, $"{quote.Refusal}; no price was sent"));
            }
            else if (lastSent is null || PriceDelta.IsChanged(quote, lastSent.GetValueOrDefault(quote.ArticleNumber)))
            {
                sends.Add(new PriceSend(candidate.Article, candidate.ForeignNumber, quote));
            }
            else
            {
                unchanged++;
            }
        }

        return new ArticleChunkPlan<PriceSend>(sends, unsendable, unchanged);
    }
}
