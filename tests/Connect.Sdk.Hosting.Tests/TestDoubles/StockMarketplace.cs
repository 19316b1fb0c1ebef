using System.Collections.Concurrent;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Settings;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Hosting.Tests.TestDoubles;

/// <summary>A minimal in-process marketplace that takes stock only, and remembers the quantity per foreign number.</summary>
internal sealed class StockMarketplace : IConnector, IStockFeature
{
    public static readonly ConnectorId Id = new("stockmarket");

    public static readonly ForeignNumberLabel Label = new("stocksku");

    public static readonly ForeignNumberRule Rule = new(Id, ForeignNumberTarget.Any, Label, "Stock marketplace SKU");

    private readonly ConcurrentDictionary<string, int> _stock = new(StringComparer.Ordinal);

    public ConnectorDescriptor Descriptor { get; } = new(Id, "Stock Marketplace", ChannelKind.Marketplace, [FeatureKind.Stock], SettingsSchema.Empty);

    public IReadOnlyList<IFeature> Features => [this];

    public FeatureKind Kind => FeatureKind.Stock;

    public int MaxBatchSize => 50;

    public IReadOnlyDictionary<string, int> Stock => _stock;

    public ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectionCheckResult.Success());

    public ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        foreach (var update in batch)
        {
            _stock[update.ForeignNumber.Value] = update.Quantity;
        }

        return ValueTask.FromResult(BatchResult.Success(batch.Select(u => u.ArticleNumber)));
    }
}
