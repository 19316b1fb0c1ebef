using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Tests.ForeignNumbers;

/// <summary>A store whose batch write is replaced, to simulate broken infrastructure and racing writers.</summary>
internal sealed class FaultyForeignNumberStore(IForeignNumberStore inner, Func<IReadOnlyCollection<ForeignNumberMapping>, CancellationToken, ValueTask<IReadOnlyList<ForeignNumberMapping>>> upsert)
    : IForeignNumberStore
{
    public int UpsertCalls { get; private set; }

    public ValueTask<IReadOnlyList<ForeignNumberMapping>> FindByArticleAsync(ConnectionId connection, string articleNumber, CancellationToken cancellationToken) =>
        inner.FindByArticleAsync(connection, articleNumber, cancellationToken);

    public ValueTask<ForeignNumberMapping?> FindByForeignNumberAsync(ConnectionId connection, ForeignNumber foreignNumber, CancellationToken cancellationToken) =>
        inner.FindByForeignNumberAsync(connection, foreignNumber, cancellationToken);

    public IAsyncEnumerable<ForeignNumberMapping> ListAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        inner.ListAsync(connection, cancellationToken);

    public ValueTask<IReadOnlyList<ForeignNumberMapping>> UpsertAsync(IReadOnlyCollection<ForeignNumberMapping> mappings, CancellationToken cancellationToken)
    {
        UpsertCalls++;
        return upsert(mappings, cancellationToken);
    }

    public ValueTask<bool> RemoveAsync(ConnectionId connection, string articleNumber, ForeignNumberLabel label, CancellationToken cancellationToken) =>
        inner.RemoveAsync(connection, articleNumber, label, cancellationToken);

    public ValueTask<RestrictedArticleMapping> GetRestrictedMappingAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        inner.GetRestrictedMappingAsync(connection, cancellationToken);

    public ValueTask SetRestrictedMappingAsync(ConnectionId connection, RestrictedArticleMapping mapping, CancellationToken cancellationToken) =>
        inner.SetRestrictedMappingAsync(connection, mapping, cancellationToken);
}
