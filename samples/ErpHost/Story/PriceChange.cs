using Connect.Sdk;
using Connect.Sdk.Features;
using Connect.Sdk.Prices;
using ErpHost.Erp;
using ErpHost.Marketplaces;
using ErpHost.Output;
using Microsoft.Extensions.DependencyInjection;

namespace ErpHost.Story;

/// <summary>
/// The ERP raises the coffee mug's list price in a productive cycle and tells the SDK; the story then waits until every
/// marketplace whose connector takes prices shows the new price, and prints the journal's explanation of it.
/// </summary>
internal sealed class PriceChange(IServiceProvider services, SampleErp erp, StoryWriter writer, ConnectorFeatures features, PriceArrival arrival)
{
    private const string Article = "4711";
    private const decimal NewNetPrice = 21.49m;

    /// <summary>Changes the price in the ERP and notifies the SDK; returns one task per price-taking marketplace that ends when the new price is shown there.</summary>
    public async Task<IReadOnlyList<Task>> StartAsync(IReadOnlyList<SampleMarketplace> markets, CancellationToken cancellationToken)
    {
        var before = (await erp.Prices.GetPricesAsync(PriceRules.ListPrice, [Article], cancellationToken)).Single();
        erp.Prices.Set(SampleErp.NetListPrice(Article, NewNetPrice));
        writer.Line($"    ERP price: {Article} list price {before.Amount} → {new Money(NewNetPrice, before.Amount.Currency)} net");
        await services.GetRequiredService<PriceSync>().NotifyPricesChangedAsync([Article], cancellationToken);
        return [.. markets.Where(m => features.Offers(m, FeatureKind.Prices)).Select(m => ShownAsync(m, cancellationToken))];
    }

    private async Task ShownAsync(SampleMarketplace market, CancellationToken cancellationToken)
    {
        var entry = await arrival.UntilShownAsync(market, Article, cancellationToken);
        writer.Line($"    {market.DisplayName}: {Article} shows its new price — journal: {entry.Message}");
    }
}
