namespace Connect.Sdk.ArticleSync;

/// <summary>One stock or price run as the shared work drives it: the run's sender, and how it plans a chunk of articles.</summary>
/// <typeparam name="TSend">The stock or price send.</typeparam>
/// <param name="Sender">Sends, journals and records the run's values.</param>
/// <param name="Metrics">The feature's metrics.</param>
/// <param name="Plan">
/// Reads the chunk's values from the ERP and computes what to send: only what changed since the last successful send
/// when the flag is set (the delta), otherwise every article that has a value.
/// </param>
internal sealed record ArticleRun<TSend>(
    ArticleBatchSender<TSend> Sender,
    ArticleSyncMetrics Metrics,
    Func<IReadOnlyList<MappedArticle>, bool, CancellationToken, ValueTask<ArticleChunkPlan<TSend>>> Plan)
    where TSend : IArticleSend
{
    public ValueTask<ArticleChunkPlan<TSend>> PlanAsync(IReadOnlyList<MappedArticle> chunk, bool onlyChanged, CancellationToken cancellationToken) =>
        Plan(chunk, onlyChanged, cancellationToken);
}
