using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Tests.TestDoubles;

/// <summary>A connector with configurable descriptor and features and a check that always passes.</summary>
internal sealed class StubConnector(ConnectorDescriptor descriptor, params IFeature[] features) : IConnector
{
    public ConnectorDescriptor Descriptor { get; } = descriptor;

    public IReadOnlyList<IFeature> Features { get; } = features;

    public static StubConnector WithoutFeatures(string id = "stub") =>
        new(new ConnectorDescriptor(new ConnectorId(id), "Stub", ChannelKind.Marketplace, [], SettingsSchema.Empty));

    public ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectionCheckResult.Success());
}
