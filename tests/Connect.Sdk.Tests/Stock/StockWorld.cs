using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Tests.Stock;

/// <summary>
/// A <see cref="SyncHarness"/> with one connection and helpers for stock: articles with stock sync on and a
/// foreign number, stock levels, runs of the engine, journal entries, and every batch the marketplace received
/// (also the ones answered through <see cref="TestDoubles.TestMarketplace.OnPushStock"/>).
/// </summary>
internal sealed class StockWorld : IAsyncDisposable
{
    private readonly List<IReadOnlyList<StockUpdate>> _batches = [];
    private Func<IReadOnlyList<StockUpdate>, BatchResult?>? _answer;

    private StockWorld(SyncHarness harness, ConnectionId connection)
    {
        H = harness;
        Connection = connection;
        H.Market.OnPushStock = batch =>
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

    public StockSync Stock => H.Get<StockSync>();

    /// <summary>Every batch pushed, in order, including those answered by <see cref="Answer"/>.</summary>
    public IReadOnlyList<IReadOnlyList<StockUpdate>> Batches
    {
        get
        {
            lock (_batches)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>The article numbers of every update pushed, in order.</summary>
    public IReadOnlyList<string> Sent => Batches.SelectMany(b => b).Select(u => u.ArticleNumber).ToArray();

    /// <summary>Answers the marketplace's stock calls instead of accepting everything; return null to accept, or throw.</summary>
    public Func<IReadOnlyList<StockUpdate>, BatchResult?>? Answer
    {
        set => _answer = value;
    }

    public static async Task<StockWorld> ProductiveAsync(ImportMode importMode = ImportMode.Automatic, Action<IServiceCollection>? configure = null)
    {
        var h = new SyncHarness(configure);
        var connection = await h.CreateConnectionAsync("market-1", productive: true, importMode, FeatureMode.Integration, FeatureKind.Stock);
        return new StockWorld(h, connection);
    }

    public static async Task<StockWorld> TestPhaseAsync()
    {
        var h = new SyncHarness();
        var connection = await h.CreateTestPhaseConnectionAsync("market-1", ImportMode.Automatic, FeatureKind.Stock);
        return new StockWorld(h, connection);
    }

    public static Article Simple(string number, bool stockSync = true) =>
        new(number, "Article " + number, ArticleKind.Simple) { StockSyncEnabled = stockSync };

    public static Article Parent(string number) =>
        new(number, "Matrix " + number, ArticleKind.MatrixParent) { StockSyncEnabled = true };

    public static Article Variant(string number, string parent, bool stockSync = true) =>
        new(number, "Variant " + number, ArticleKind.Variant, parent) { StockSyncEnabled = stockSync };

    /// <summary>Adds articles with a foreign number and the same stock on hand.</summary>
    public async Task<Article[]> AddAsync(decimal onHand, params Article[] articles)
    {
        await H.AddMappedArticlesAsync(Connection, articles);
        foreach (var article in articles)
        {
            H.StockSource.Set(article.Number, onHand);
        }

        return articles;
    }

    /// <summary>Adds <paramref name="count"/> simple mapped articles A0001… with <paramref name="onHand"/> each.</summary>
    public Task<Article[]> AddManyAsync(int count, decimal onHand = 10) =>
        AddAsync(onHand, Enumerable.Range(1, count).Select(i => Simple($"A{i:D4}")).ToArray());

    public ValueTask<WorkRunResult> RunAsync(WorkKind kind = WorkKind.StockSync, SyncTrigger trigger = SyncTrigger.Scheduled) =>
        H.Engine.RunAsync(new WorkItem(Connection, kind, trigger, H.Clock.GetCurrentInstant()), default);

    public async Task<JournalEntry> EntryAsync(string articleNumber) =>
        await H.Journal.GetAsync(new JournalKey(Connection, RecordKind.ArticleStock, articleNumber), default)
        ?? throw new Xunit.Sdk.XunitException($"No journal entry for {articleNumber}.");

    public Task<JournalEntry?> FindEntryAsync(string articleNumber) =>
        H.Journal.GetAsync(new JournalKey(Connection, RecordKind.ArticleStock, articleNumber), default).AsTask();

    public void ClearBatches()
    {
        lock (_batches)
        {
            _batches.Clear();
        }
    }

    public ValueTask DisposeAsync() => H.DisposeAsync();
}
