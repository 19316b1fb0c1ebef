using Connect.Sdk.Connectors;
using Connect.Sdk.Features;

namespace Connect.Sdk.Http.Tests.Connectors;

/// <summary>A connector for registration tests; the tests only count its instances, never call it.</summary>
internal sealed class TestConnector : IConnector
{
    public static readonly ConnectorId Id = new("test-http");

    public ConnectorDescriptor Descriptor => throw new NotSupportedException();

    public IReadOnlyList<IFeature> Features => [];

    public ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
