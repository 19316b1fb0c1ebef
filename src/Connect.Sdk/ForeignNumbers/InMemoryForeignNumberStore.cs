using System.Runtime.CompilerServices;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>An <see cref="IForeignNumberStore"/> held in memory, for tests and samples. Thread-safe.</summary>
public sealed class InMemoryForeignNumberStore : IForeignNumberStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ConnectionId, ConnectionMappings> _connections = [];
    private readonly Dictionary<ConnectionId, RestrictedArticleMapping> _restricted = [];

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ForeignNumberMapping>> FindByArticleAsync(ConnectionId connection, string articleNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumber);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ForeignNumberMapping> found = _connections.TryGetValue(connection, out var mappings)
                && mappings.LabelsByArticle.TryGetValue(articleNumber, out var labels)
                ? labels.Select(label => mappings.ByArticle[(articleNumber, label)])
                    .OrderBy(m => m.ForeignNumber.Label.Value, StringComparer.OrdinalIgnoreCase)
                    .ToArray()
                : [];
            return ValueTask.FromResult(found);
        }
    }

    /// <inheritdoc />
    public ValueTask<ForeignNumberMapping?> FindByForeignNumberAsync(ConnectionId connection, ForeignNumber foreignNumber, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(
                _connections.TryGetValue(connection, out var mappings) ? mappings.ByForeignNumber.GetValueOrDefault(foreignNumber) : null);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ForeignNumberMapping> ListAsync(ConnectionId connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ForeignNumberMapping[] snapshot;
        lock (_gate)
        {
            snapshot = _connections.TryGetValue(connection, out var mappings)
                ? mappings.ByArticle.Values
                    .OrderBy(m => m.ArticleNumber, StringComparer.Ordinal)
                    .ThenBy(m => m.ForeignNumber.Label.Value, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(m => m.ForeignNumber.Value, StringComparer.Ordinal)
                    .ToArray()
                : [];
        }

        foreach (var mapping in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return mapping;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ForeignNumberMapping>> UpsertAsync(IReadOnlyCollection<ForeignNumberMapping> mappings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        foreach (var mapping in mappings)
        {
            ArgumentNullException.ThrowIfNull(mapping, nameof(mappings));
            ArgumentException.ThrowIfNullOrWhiteSpace(mapping.ArticleNumber, nameof(mappings));
            ArgumentException.ThrowIfNullOrWhiteSpace(mapping.ForeignNumber.Value, nameof(mappings));
            ArgumentException.ThrowIfNullOrWhiteSpace(mapping.ForeignNumber.Label.Value, nameof(mappings));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Later mappings for the same (article, label) win, as they would in a sequence of single writes.
            var batches = mappings
                .GroupBy(m => m.Connection)
                .Select(g => (Connection: g.Key, Writes: g.GroupBy(m => (m.ArticleNumber, m.ForeignNumber.Label)).Select(k => k.Last()).ToArray()))
                .ToArray();

            // Check every connection before touching any, so a conflict anywhere leaves the store as it was.
            var conflicts = batches
                .SelectMany(b => FindConflicts(_connections.GetValueOrDefault(b.Connection), b.Writes))
                .ToArray();
            if (conflicts.Length > 0)
            {
                return ValueTask.FromResult<IReadOnlyList<ForeignNumberMapping>>(conflicts);
            }

            foreach (var (connection, writes) in batches)
            {
                if (!_connections.TryGetValue(connection, out var stored))
                {
                    stored = new ConnectionMappings();
                    _connections.Add(connection, stored);
                }

                stored.Apply(writes);
            }

            return ValueTask.FromResult<IReadOnlyList<ForeignNumberMapping>>([]);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(ConnectionId connection, string articleNumber, ForeignNumberLabel label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumber);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_connections.TryGetValue(connection, out var stored) && stored.Remove(articleNumber, label) is not null);
        }
    }

    /// <inheritdoc />
    public ValueTask<RestrictedArticleMapping> GetRestrictedMappingAsync(ConnectionId connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_restricted.GetValueOrDefault(connection) ?? RestrictedArticleMapping.Empty);
        }
    }

    /// <inheritdoc />
    public ValueTask SetRestrictedMappingAsync(ConnectionId connection, RestrictedArticleMapping mapping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _restricted[connection] = mapping;
        }

        return ValueTask.CompletedTask;
    }

    private static IEnumerable<ForeignNumberMapping> FindConflicts(ConnectionMappings? stored, ForeignNumberMapping[] writes)
    {
        var rewritten = writes.Select(w => (w.ArticleNumber, w.ForeignNumber.Label)).ToHashSet();
        foreach (var group in writes.GroupBy(w => w.ForeignNumber))
        {
            if (group.Select(w => w.ArticleNumber).Distinct(StringComparer.Ordinal).Skip(1).Any())
            {
                foreach (var write in group)
                {
                    yield return write;
                }

                continue;
            }

            // A stored owner keeps the foreign number unless this batch gives that owner's label another value.
            var owner = stored?.ByForeignNumber.GetValueOrDefault(group.Key);
            if (owner is not null && !rewritten.Contains((owner.ArticleNumber, owner.ForeignNumber.Label)) && owner.ArticleNumber != group.First().ArticleNumber)
            {
                foreach (var write in group)
                {
                    yield return write;
                }
            }
        }
    }

    private sealed class ConnectionMappings
    {
        public Dictionary<(string ArticleNumber, ForeignNumberLabel Label), ForeignNumberMapping> ByArticle { get; } = [];

        public Dictionary<ForeignNumber, ForeignNumberMapping> ByForeignNumber { get; } = [];

        // The sync engine looks up every article it sends; this index keeps that lookup independent of the catalogue size.
        public Dictionary<string, HashSet<ForeignNumberLabel>> LabelsByArticle { get; } = new(StringComparer.Ordinal);

        public void Apply(IEnumerable<ForeignNumberMapping> writes)
        {
            var list = writes.ToArray();

            // Free every replaced value first, so values swapped between articles in one batch land correctly.
            foreach (var write in list)
            {
                Remove(write.ArticleNumber, write.ForeignNumber.Label);
            }

            foreach (var write in list)
            {
                ByArticle[(write.ArticleNumber, write.ForeignNumber.Label)] = write;
                ByForeignNumber[write.ForeignNumber] = write;
                if (!LabelsByArticle.TryGetValue(write.ArticleNumber, out var labels))
                {
                    labels = [];
                    LabelsByArticle.Add(write.ArticleNumber, labels);
                }

                labels.Add(write.ForeignNumber.Label);
            }
        }

        public ForeignNumberMapping? Remove(string articleNumber, ForeignNumberLabel label)
        {
            if (!ByArticle.Remove((articleNumber, label), out var removed))
            {
                return null;
            }

            ByForeignNumber.Remove(removed.ForeignNumber);
            var labels = LabelsByArticle[articleNumber];
            labels.Remove(label);
            if (labels.Count == 0)
            {
                LabelsByArticle.Remove(articleNumber);
            }

            return removed;
        }
    }
}
