using Connect.Sdk.Articles;
using Connect.Sdk.ArticleSync;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Stock;

/// <summary>
/// What the stock runners do: the shared article work (<see cref="ArticleSyncWork{TSend}"/>) with the ERP's stock
/// levels, the connection's <see cref="StockRules"/> and the quantities last sent.
/// </summary>
internal sealed class StockSyncWork(
    MappedArticleCandidates mapped,
    ManualWorkQueue queue,
    SyncJournal journal,
    IArticleCatalog catalog,
    IStockSource stockSource,
    IStockRulesStore rulesStore,
    IStockSyncStateStore state,
    IForeignNumberStore foreignNumbers,
    ForeignNumberRules foreignNumberRules,
    ForeignNumberResolver resolver,
    IClock clock,
    ILogger<StockSyncWork> logger)
    : ArticleSyncWork<StockSend>(mapped, queue, journal, catalog, foreignNumbers, foreignNumberRules, resolver, clock, logger)
{
    protected override string Title => "Stock sync";

    protected override string SwitchedOff(string articleNumber) =>
        $"stock sync is switched off for article {articleNumber}; switch it on in the ERP to publish its stock";

    protected override async ValueTask<ArticleRun<StockSend>> StartAsync(WorkRun run, CancellationToken cancellationToken)
    {
        var feature = run.Connector.GetFeature<IStockFeature>()
            ?? throw new ConnectSdkException($"Connector '{run.Connection.ConnectorId}' does not implement the stock feature.") { ConnectionId = run.Connection.Id };
        var rules = await rulesStore.GetAsync(run.Connection.Id, cancellationToken).ConfigureAwait(false);
        var sender = new StockBatchSender(run, feature, Journal, state, Clock, Logger);
        return new ArticleRun<StockSend>(sender, ArticleSyncMetrics.Stock, (chunk, onlyChanged, ct) => PlanAsync(run.Connection.Id, rules, chunk, onlyChanged, ct));
    }

    private async ValueTask<ArticleChunkPlan<StockSend>> PlanAsync(ConnectionId connection, StockRules rules, IReadOnlyList<MappedArticle> chunk, bool onlyChanged, CancellationToken cancellationToken)
    {
        var byNumber = new Dictionary<string, MappedArticle>(chunk.Count, StringComparer.Ordinal);
        foreach (var candidate in chunk)
        {
            byNumber.TryAdd(candidate.Article.Number, candidate);
        }

        var levels = await stockSource.GetStockAsync(byNumber.Keys, cancellationToken).ConfigureAwait(false);
        var levelByNumber = new Dictionary<string, StockLevel>(levels.Count, StringComparer.Ordinal);
        foreach (var level in levels)
        {
            if (byNumber.ContainsKey(level.ArticleNumber))
            {
                levelByNumber.TryAdd(level.ArticleNumber, level);
            }
        }

        var known = levelByNumber.Values.ToArray();
        var changes = onlyChanged
            ? StockDelta.Changed(known, rules, await state.GetAsync(connection, byNumber.Keys, cancellationToken).ConfigureAwait(false))
            : StockDelta.All(known, rules, new Dictionary<string, SentStock>());
        var sends = new StockSend[changes.Count];
        for (var i = 0; i < sends.Length; i++)
        {
            var candidate = byNumber[changes[i].ArticleNumber];
            sends[i] = new StockSend(candidate.Article, candidate.ForeignNumber, StockQuantityCalculation.Explain(levelByNumber[candidate.Article.Number], rules));
        }

        var withoutLevel = byNumber.Values
            .Where(c => !levelByNumber.ContainsKey(c.Article.Number))
            .Select(c => (c, $"the ERP's stock source reports no stock for article {c.Article.Number}, so nothing was sent"))
            .ToArray();
        return new ArticleChunkPlan<StockSend>(sends, withoutLevel, known.Length - changes.Count);
    }
}
