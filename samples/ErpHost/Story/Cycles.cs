using Connect.Sdk.Shipments;
using Connect.Sdk.Sync;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Faults;
using ErpHost.Erp;
using ErpHost.Marketplaces;
using ErpHost.Output;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Story;

/// <summary>
/// The productive part of the story: cycle after cycle, buyers order on the marketplaces, the ERP's stock
/// changes and its dispatch ships an earlier order — and the hosted scheduler moves it all on its own timetable.
/// In the first cycle the ERP also changes a price, which goes out to every marketplace that takes prices. In the
/// second cycle the marketplaces fail every stock write for a while; the journal records the failure and
/// the scheduler's retry heals it.
/// </summary>
internal sealed class Cycles(IServiceProvider services, SampleErp erp, StoryWriter writer, RunTracker runs, PriceChange priceChange, TimeSpan patience)
{
    private const int PriceChangeCycle = 1;
    private const int FaultCycle = 2;

    public async Task RunAsync(IReadOnlyList<SampleMarketplace> markets, int cycles, CancellationToken cancellationToken)
    {
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            writer.Step($"Cycle {cycle} of {cycles}: buyers order, stock changes{(cycle == PriceChangeCycle ? ", a price changes" : string.Empty)}, the warehouse ships");
            var sold = Sell(cycle);
            writer.Line($"    ERP stock: 5000-M on hand {sold.OnHand}, reserved {sold.ReservedByOpenOrders}");
            await services.GetRequiredService<StockSync>().NotifyStockChangedAsync([sold.ArticleNumber], cancellationToken);
            var expectations = new List<Task>();
            if (cycle == PriceChangeCycle)
            {
                expectations.AddRange(await priceChange.StartAsync(markets, cancellationToken));
            }

            foreach (var market in markets)
            {
                var placed = market.PlaceOrders(cycle);
                var placedAt = services.GetRequiredService<IClock>().GetCurrentInstant();
                writer.Line($"    {market.DisplayName}: buyers placed {string.Join(", ", placed)}");
                if (cycle == FaultCycle)
                {
                    // More failures in a row than one run's retries absorb: the run fails, the scheduler retries it later.
                    market.Fake.Faults.Next(FaultKind.ServiceUnavailable, times: 6, operation: market.StockWriteOperation);
                    writer.Line($"    {market.DisplayName}: the marketplace will answer 503 to the next 6 stock writes");
                }

                var shipped = market.OrdersOf(cycle - 1)[0];
                var shipment = await services.GetRequiredService<OrderStatusExport>().NotifyOrderChangedAsync(market.Connection, market.ShipmentOf(shipped, cycle), cancellationToken);
                writer.Line($"    ERP dispatch: order {shipped} shipped — {shipment.Message}");

                var offer = market.OfferOf(sold.ArticleNumber);
                var expected = (int)Math.Max(0, sold.OnHand - sold.ReservedByOpenOrders);
                // An import that started after the orders were placed has seen them: they are in the ERP now, imported by
                // it or, on a store an earlier run filled, recognised as imported already.
                expectations.Add(runs.UntilAsync(
                    () => runs.CleanRunSince(market.Connection, WorkKind.OrderImport, placedAt) && placed.All(n => erp.OrderBook.IsBooked(market.Connection, n)),
                    $"orders {string.Join(", ", placed)} imported",
                    patience,
                    cancellationToken));
                expectations.Add(runs.UntilAsync(() => market.Fake.StockOf(offer) == expected, $"stock {expected} of {sold.ArticleNumber} on {market.DisplayName}", patience, cancellationToken));
                expectations.Add(runs.UntilAsync(() => market.Fake.ShipmentsOf(shipped).Count > 0, $"the tracking of {shipped} on {market.DisplayName}", patience, cancellationToken));
            }

            await Task.WhenAll(expectations);
        }
    }

    private StockLevel Sell(int cycle)
    {
        // The T-shirt M sells out over the cycles and comes back: a variant's level reaches the marketplace through its matrix parent.
        var level = new StockLevel("5000-M", cycle % 3 == 0 ? 20 : Math.Max(0, 9 - (3 * cycle)), 2);
        erp.Stock.Set(level.ArticleNumber, level.OnHand, level.ReservedByOpenOrders);
        return level;
    }
}
