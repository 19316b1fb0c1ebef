using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using NodaTime;

namespace Connect.Sdk.Alerts;

/// <summary>
/// Finds a subscription's incidents in the journal: entries of its connections and tabs whose current status is a
/// warning or failure it reports, reached within a time window. An entry that recovered before the evaluation
/// (retried successfully) is no incident any more; one that repeats its status and message stays the incident it was.
/// </summary>
internal sealed class AlertIncidentReader(IJournalStore journal, IConnectionStore connections)
{
    public async ValueTask<IReadOnlyList<AlertIncident>> ReadAsync(AlertSubscription subscription, Instant from, Instant until, CancellationToken cancellationToken)
    {
        var statuses = subscription.Severities.Select(StatusOf).ToArray();
        var kinds = subscription.RecordKinds.Count == 0 ? Enum.GetValues<RecordKind>() : subscription.RecordKinds.Order().ToArray();
        var incidents = new List<AlertIncident>();
        foreach (var connection in await ConnectionsAsync(subscription, cancellationToken).ConfigureAwait(false))
        {
            foreach (var kind in kinds)
            {
                var query = new JournalQuery(connection, kind) { Statuses = statuses, ChangedFrom = from };

                // Keys first, then each entry: paging through a filter while runs change entries could skip one.
                await foreach (var key in journal.ListKeysAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    var entry = await journal.GetAsync(key, cancellationToken).ConfigureAwait(false);
                    // When the status was reached, not when it was last repeated: a record failing the same way run after
                    // run is one incident, found in the window it began in and not again in every later one.
                    if (entry is not null && statuses.Contains(entry.Status) && entry.ReachedAt >= from && entry.ReachedAt <= until)
                    {
                        incidents.Add(new AlertIncident(
                            entry.Key,
                            entry.HistoryLineCount,
                            entry.ReachedAt,
                            entry.Status == JournalStatus.Failed ? AlertSeverity.Error : AlertSeverity.Warning,
                            entry.Message,
                            entry.Title));
                    }
                }
            }
        }

        return incidents;
    }

    private static JournalStatus StatusOf(AlertSeverity severity) =>
        severity == AlertSeverity.Error ? JournalStatus.Failed : JournalStatus.Warning;

    private async ValueTask<IReadOnlyList<ConnectionId>> ConnectionsAsync(AlertSubscription subscription, CancellationToken cancellationToken)
    {
        if (subscription.Connections.Count > 0)
        {
            return subscription.Connections.OrderBy(c => c.Value, StringComparer.Ordinal).ToArray();
        }

        var all = new List<ConnectionId>();
        await foreach (var connection in connections.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            all.Add(connection.Id);
        }

        return all;
    }
}
