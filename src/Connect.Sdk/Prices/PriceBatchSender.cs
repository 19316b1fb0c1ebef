using Connect.Sdk.ArticleSync;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Prices;

/// <summary>The sending half of one price run: pushes prices through the connector's <see cref="IPriceFeature"/> and keeps the accepted ones.</summary>
internal sealed class PriceBatchSender(
    WorkRun run,
    IPriceFeature feature,
    SyncJournal journal,
    IPriceSyncStateStore state,
    IClock clock,
    ILogger logger) : ArticleBatchSender<PriceSend>(run, journal, clock, logger, feature.MaxBatchSize)
{
    private readonly WorkRun _run = run;

    public override RecordKind Kind => RecordKind.ArticlePrice;

    public override string Noun => "price";

    protected override ArticleSyncMetrics Metrics => ArticleSyncMetrics.Prices;

    protected override ValueTask<BatchResult> PushAsync(IReadOnlyList<PriceSend> batch, CancellationToken cancellationToken) =>
        feature.PushPricesAsync(_run.Context, batch.Select(s => s.ToUpdate()).ToArray(), cancellationToken);

    protected override ValueTask SaveAcceptedAsync(IReadOnlyList<PriceSend> accepted, Instant at, CancellationToken cancellationToken) =>
        state.SaveAsync(_run.Connection.Id, accepted.Select(s => new SentPrice(s.ArticleNumber, s.Quote.Price, s.Quote.CompareAtPrice, at)).ToArray(), _run.Lease, cancellationToken);
}
