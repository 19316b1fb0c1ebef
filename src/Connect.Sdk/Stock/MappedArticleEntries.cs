using Connect.Sdk.Articles;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;

namespace Connect.Sdk.Stock;

/// <summary>
/// Lists newly mapped articles in the journal's article tab as not synced (grey), the seed's first view of the
/// journal, before any run has touched them. Articles the tab lists already keep their entries.
/// </summary>
/// <remarks>
/// Written when foreign numbers are imported, in store writes of 1,000 entries, so mapping 10,000 articles is ten
/// writes rather than 10,000.
/// </remarks>
internal sealed class MappedArticleEntries(SyncJournal journal, IArticleCatalog catalog, IConnectionStore connections)
{
    private const int ChunkSize = 1_000;

    public async ValueTask AddAsync(IReadOnlyCollection<ForeignNumberMapping> mappings, CancellationToken cancellationToken)
    {
        var reasons = new Dictionary<ConnectionId, string?>();
        foreach (var chunk in mappings.GroupBy(m => (m.Connection, m.ArticleNumber)).Chunk(ChunkSize))
        {
            var entries = new List<Func<NodaTime.Instant, JournalEntry>>(chunk.Length);
            foreach (var article in chunk)
            {
                var (connection, number) = article.Key;
                if (!reasons.TryGetValue(connection, out var reason))
                {
                    // Why the schedule will not send it yet (not productive, stock in Test mode), if that is so.
                    var state = await connections.GetAsync(connection, cancellationToken).ConfigureAwait(false);
                    reason = state is null ? null : ScheduledStockHold.ReasonFor(state);
                    reasons.Add(connection, reason);
                }

                var found = await catalog.FindAsync(number, cancellationToken).ConfigureAwait(false);
                var message = $"mapped to {string.Join(", ", article.Select(m => m.ForeignNumber))} on connection {connection}; {ScheduledStockHold.NotSyncedYetMessage(reason)}";
                var key = new JournalKey(connection, RecordKind.ArticleStock, number);
                entries.Add(now => ArticleSync.ArticleEntry.WithArticle(new JournalEntry { Key = key, UpdatedAt = now }.WithStatus(JournalStatus.NotSynced, message, now), found));
            }

            await journal.AddMissingAsync(entries, cancellationToken).ConfigureAwait(false);
        }
    }
}
