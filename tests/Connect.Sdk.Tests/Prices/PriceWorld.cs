using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Prices;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Stock;
using Connect.Sdk.Tests.Sync;

namespace Connect.Sdk.Tests.Prices;

/// <summary>
/// A <see cref="SyncHarness"/> with one connection whose Prices feature is on, and helpers for prices: mapped articles
/// (stock sync on) with a net list price at 19 % VAT, runs of the engine, price journal entries, and every price batch
/// the marketplace received (also the ones answered through <see cref="Answer"/>).
/// </summary>
internal sealed class PriceWorld : IAsyncDisposable
{
    private readonly List<IReadOnlyList<PriceUpdate>> _batches = [];
    private Func<IReadOnlyList<PriceUpdate>, BatchResult?>? _answer;

    private PriceWorld(SyncHarness harness, ConnectionId connection)
    {
        H = harness;
        Connection = connection;
        H.Market.OnPushPrices = batch =>
        {
            lock (_batches)
            {
                _batches.Add(batch);
            }

            return _answer?.Invoke(batch);
        };
    }

    public SyncHarness H { get; }

    public ConnectionId Connection { get; }

    public PriceSync Prices => H.Get<PriceSync>();

    public IReadOnlyList<IReadOnlyList<PriceUpdate>> Batches
    {
        get
        {
            lock (_batches)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<PriceUpdate> Sent => Batches.SelectMany(b => b).ToArray();

    /// <summary>Answers the marketplace's price calls instead of accepting everything; return null to accept, or throw.</summary>
    public Func<IReadOnlyList<PriceUpdate>, BatchResult?>? Answer
    {
        set => _answer = value;
    }

    public static async Task<PriceWorld> ProductiveAsync(ImportMode importMode = ImportMode.Automatic)
    {
        var h = new SyncHarness();
        var connection = await h.CreateConnectionAsync("market-1", productive: true, importMode, FeatureMode.Integration, FeatureKind.Prices);
        return new PriceWorld(h, connection);
    }

    public static async Task<PriceWorld> TestPhaseAsync()
    {
        var h = new SyncHarness();
        var connection = await h.CreateTestPhaseConnectionAsync("market-1", ImportMode.Automatic, FeatureKind.Prices);
        return new PriceWorld(h, connection);
    }

    public static ErpPrice Net(string article, decimal amount, CurrencyCode? currency = null) =>
        new(article, new Money(amount, currency ?? CurrencyCode.Eur), PriceBasis.Net, 19);

    /// <summary>Adds mapped articles with the same net list price (the matrix parent gets none: its variants carry prices).</summary>
    public async Task<Article[]> AddAsync(decimal netPrice, params Article[] articles)
    {
        await H.AddMappedArticlesAsync(Connection, articles);
        foreach (var article in articles.Where(a => a.Kind != ArticleKind.MatrixParent))
        {
            H.PriceSource.Set(Net(article.Number, netPrice));
        }

        return articles;
    }

    public Task<Article[]> AddManyAsync(int count, decimal netPrice = 19.99m) =>
        AddAsync(netPrice, Enumerable.Range(1, count).Select(i => StockWorld.Simple($"A{i:D4}")).ToArray());

    public ValueTask<WorkRunResult> RunAsync(WorkKind kind = WorkKind.PriceSync, SyncTrigger trigger = SyncTrigger.Scheduled) =>
        H.Engine.RunAsync(new WorkItem(Connection, kind, trigger, H.Clock.GetCurrentInstant()), default);

    public async Task<JournalEntry> EntryAsync(string articleNumber) =>
        await H.Journal.GetAsync(new JournalKey(Connection, RecordKind.ArticlePrice, articleNumber), default)
        ?? throw new Xunit.Sdk.XunitException($"No price journal entry for {articleNumber}.");

    public void ClearBatches()
    {
        lock (_batches)
        {
            _batches.Clear();
        }
    }

    public ValueTask DisposeAsync() => H.DisposeAsync();
}
