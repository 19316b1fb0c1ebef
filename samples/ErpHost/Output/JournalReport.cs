using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using ErpHost.Erp;
using ErpHost.Marketplaces;
using ErpHost.Story;

namespace ErpHost.Output;

/// <summary>
/// The journal as a user reads it after the run: every tab of every connection with each record's status and
/// message, then a summary table of statuses, then the ERP's order book checked for orders booked twice. A connection
/// whose connector does not take prices says so instead of showing an empty price tab.
/// </summary>
internal sealed class JournalReport(SyncJournal journal, ErpOrderBook orderBook, StoryWriter writer, ConnectorFeatures features)
{
    private static readonly RecordKind[] Tabs = [RecordKind.ArticleStock, RecordKind.ArticlePrice, RecordKind.Order, RecordKind.OrderStatus];
    private static readonly JournalStatus[] Columns = Enum.GetValues<JournalStatus>();

    /// <summary>Writes the report; returns whether the order book is clean (every order booked exactly once).</summary>
    public async Task<bool> WriteAsync(IReadOnlyList<SampleMarketplace> markets, CancellationToken cancellationToken)
    {
        writer.Step("The journal");
        var counts = new List<(string Row, Dictionary<JournalStatus, int> ByStatus)>();
        foreach (var market in markets)
        {
            foreach (var tab in Tabs)
            {
                if (tab == RecordKind.ArticlePrice && !features.Offers(market, FeatureKind.Prices))
                {
                    writer.Line($"  {market.DisplayName} — {tab}: {features.PricesNotOffered(market)}");
                    continue;
                }

                var page = await journal.QueryAsync(new JournalQuery(market.Connection, tab), pageNumber: 0, pageSize: 50, cancellationToken);
                writer.Line($"  {market.DisplayName} — {tab} ({page.TotalCount})");
                foreach (var entry in page.Entries.OrderBy(e => e.Key.RecordKey, StringComparer.Ordinal))
                {
                    writer.Write($"    {entry.Key.RecordKey,-10} ");
                    writer.Status(entry.Status, 10);
                    writer.Line($" {entry.Message}{History(entry)}");
                }

                counts.Add(($"{market.Connection} {tab}", page.Entries.GroupBy(e => e.Status).ToDictionary(g => g.Key, g => g.Count())));
            }
        }

        writer.Step("Summary");
        writer.Write($"  {"connection / tab",-34}");
        foreach (var column in Columns)
        {
            writer.Status(column, 11);
        }

        writer.Line(string.Empty);
        foreach (var (row, byStatus) in counts)
        {
            writer.Line($"  {row,-34}{string.Concat(Columns.Select(c => byStatus.GetValueOrDefault(c).ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(11)))}");
        }

        var booked = orderBook.List();
        var twice = booked.Where(o => o.Times > 1).ToList();
        writer.Line(string.Empty);
        if (twice.Count == 0)
        {
            writer.Good($"ERP order book: {booked.Count} marketplace orders, each booked exactly once.");
            return true;
        }

        foreach (var order in twice)
        {
            writer.Bad($"ERP order book: {order.OrderNumber} from {order.Connection} was booked {order.Times} times.");
        }

        return false;
    }

    private static string History(JournalEntry entry) =>
        entry.History.Any(h => h.To == JournalStatus.Failed) && entry.Status == JournalStatus.Succeeded
            ? $" (failed earlier: {entry.History.Last(h => h.To == JournalStatus.Failed).Message})"
            : string.Empty;
}
