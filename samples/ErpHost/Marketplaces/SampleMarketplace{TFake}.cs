using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.Testing.Fakes;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>A sample marketplace served by a fake of type <typeparamref name="TFake"/>, started with the marketplace.</summary>
/// <typeparam name="TFake">The SDK's fake of the marketplace.</typeparam>
/// <param name="connection">The sample's connection to it.</param>
/// <param name="connector">The connector that serves it.</param>
/// <param name="displayName">The connection's display name.</param>
internal abstract class SampleMarketplace<TFake>(ConnectionId connection, ConnectorId connector, string displayName)
    : SampleMarketplace(connection, connector, displayName)
    where TFake : class, IMarketplaceFake
{
    private TFake? _fake;

    /// <inheritdoc />
    public override IMarketplaceFake Fake => Running;

    /// <summary>The running fake, typed; valid after <see cref="SampleMarketplace.StartAsync"/>.</summary>
    protected TFake Running => _fake ?? throw new InvalidOperationException($"The {DisplayName} fake is not started.");

    /// <inheritdoc />
    protected override IAsyncDisposable? StartedFake => _fake;

    /// <inheritdoc />
    protected sealed override void StartFake(IClock clock)
    {
        _fake = Start(clock);
        Seed(_fake);
    }

    /// <summary>Starts the fake with the marketplace's credentials; its rate limits run on <paramref name="clock"/>, as the connector's pacing does.</summary>
    protected abstract TFake Start(IClock clock);

    /// <summary>Seeds the offered articles, with no stock until the ERP sends it.</summary>
    protected virtual void Seed(TFake fake)
    {
        foreach (var article in Offered)
        {
            fake.SeedArticle(OfferOf(article.Number), 0);
        }
    }
}
