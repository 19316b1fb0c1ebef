using Connect.Sdk.ArticleSync;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Stock;

/// <summary>The sending half of one stock run: pushes quantities through the connector's <see cref="IStockFeature"/> and keeps the accepted ones.</summary>
internal sealed class StockBatchSender(
    WorkRun run,
    IStockFeature feature,
    SyncJournal journal,
    IStockSyncStateStore state,
    IClock clock,
    ILogger logger) : ArticleBatchSender<StockSend>(run, journal, clock, logger, feature.MaxBatchSize)
{
    private readonly WorkRun _run = run;

    public override RecordKind Kind => RecordKind.ArticleStock;

    public override string Noun => "stock";

    protected override ArticleSyncMetrics Metrics => ArticleSyncMetrics.Stock;

    protected override ValueTask<BatchResult> PushAsync(IReadOnlyList<StockSend> batch, CancellationToken cancellationToken) =>
        feature.PushStockAsync(_run.Context, batch.Select(s => new StockUpdate(s.ArticleNumber, s.ForeignNumber, s.Quantity.Quantity)).ToArray(), cancellationToken);

    protected override ValueTask SaveAcceptedAsync(IReadOnlyList<StockSend> accepted, Instant at, CancellationToken cancellationToken) =>
        state.SaveAsync(_run.Connection.Id, accepted.Select(s => new SentStock(s.ArticleNumber, s.Quantity.Quantity, at)).ToArray(), _run.Lease, cancellationToken);
}
