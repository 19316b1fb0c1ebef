using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Fakes.Amazon;
using Connect.Sdk.Testing.Time;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Amazon.Tests.Pacing;

/// <summary>
/// 2,000 quantity updates against the fake enforcing Amazon's usage plan for patchListingsItem (5 per second, burst
/// 5), on fake time shared by the connector's pacing and the fake's token bucket: no 429, close to the theoretical
/// minimum of (N − burst) / rate, and two connections of one seller together within the seller's limit.
/// </summary>
public sealed class AmazonPacingTests : IAsyncDisposable
{
    private const int Updates = 2000;
    private static readonly AmazonUsagePlan Plan = AmazonUsagePlans.PatchListingsItem;

    private readonly WaitAwareFakeTime _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly RequestFlows _flows = new();
    private readonly RecordingTransport _transport;
    private readonly AmazonSellingPartnerFake _amazon;
    private readonly ServiceProvider _services;

    public AmazonPacingTests()
    {
        _transport = new RecordingTransport(_time);
        _amazon = AmazonTestAccount.StartFake(_time);
        _services = AmazonTestServices.Build(AdapterTestLog.CreateFactory(), _time, services =>
            services.AddHttpClient(AmazonConnector.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(_transport.CreateHandler)
                .ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
                {
                    PacingBoundaryHandler.Around(handlers, _flows);
                    handlers.Insert(0, new RequestFlowHandler(_flows));
                }));
        for (var i = 1; i <= Updates; i++)
        {
            _amazon.SeedArticle(Sku(i), 0);
        }

        _amazon.SeedArticle(WarmUpSku, 0);
    }

    private static ForeignNumber WarmUpSku { get; } = new(ForeignNumberLabel.SkuFbm, "SKU-WARM-UP");

    // The theoretical minimum: the burst goes at once, every further request waits for its token.
    private static TimeSpan Minimum => TimeSpan.FromSeconds((Updates - Plan.Burst) / Plan.Rate);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _amazon.DisposeAsync();
    }

    [Fact]
    public async Task TwoThousandUpdates_OneConnection_NoThrottling_CloseToTheTheoreticalMinimum()
    {
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon));
        var start = await WarmUpAsync(context);

        var results = await RunAsync(PushAsync(context, 1, Updates));

        Assert.All(results, r => Assert.Equal(RecordOutcome.Succeeded, r.Outcome));
        AssertEveryUpdateArrivedWithoutThrottling();
        var elapsed = _transport.SentAt(AmazonUsagePlansOperation).Max() - start;
        Assert.InRange(elapsed, Minimum, Minimum * 1.1);
    }

    [Fact]
    public async Task TwoConnectionsOfOneSeller_TogetherNeverExceedTheSellersLimit()
    {
        var first = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon), "amazon-de-1");
        var second = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon), "amazon-de-2");
        var start = await WarmUpAsync(first, second);

        var both = Task.WhenAll(PushAsync(first, 1, Updates / 2), PushAsync(second, (Updates / 2) + 1, Updates / 2));
        await RunAsync(both);

        Assert.All((await both).SelectMany(r => r), r => Assert.Equal(RecordOutcome.Succeeded, r.Outcome));
        AssertEveryUpdateArrivedWithoutThrottling();
        var sent = _transport.SentAt(AmazonUsagePlansOperation);
        AssertWithinTokenBucket(sent, Plan);
        Assert.InRange(sent.Max() - start, Minimum, Minimum * 1.1);
    }

    private const string AmazonUsagePlansOperation = AmazonOperations.PatchListingsItem;

    private static ForeignNumber Sku(int i) => new(ForeignNumberLabel.SkuFbm, $"SKU-{i:D5}");

    private static int Quantity(int i) => (i % 17) + 1;

    /// <summary>Replays the send times against the documented bucket: it must never run dry.</summary>
    private static void AssertWithinTokenBucket(IReadOnlyList<DateTimeOffset> sent, AmazonUsagePlan plan)
    {
        var tokens = (double)plan.Burst;
        var last = sent[0];
        for (var i = 0; i < sent.Count; i++)
        {
            tokens = Math.Min(plan.Burst, tokens + ((sent[i] - last).TotalSeconds * plan.Rate));
            last = sent[i];
            tokens -= 1;
            Assert.True(tokens > -1e-6, $"Request {i + 1} went out at {sent[i]:HH:mm:ss.fff} with the seller's bucket empty ({tokens:F3} tokens).");
        }
    }

    private void AssertEveryUpdateArrivedWithoutThrottling()
    {
        var patches = _amazon.Requests.Where(r => r.Operation == AmazonOperations.PatchListingsItem).ToArray();
        Assert.DoesNotContain(patches, r => r.StatusCode == 429);
        Assert.Equal(Updates, patches.Count(p => !p.PathAndQuery.Contains(WarmUpSku.Value, StringComparison.Ordinal)));
        for (var i = 1; i <= Updates; i++)
        {
            Assert.Equal(Quantity(i), _amazon.StockOf(Sku(i)));
        }
    }

    /// <summary>
    /// Exchanges each connection's token and sends one update through the whole handler chain before the measured
    /// run: the first calls spend real time compiling code, and fake time must not run while a released request has
    /// not reached the wire yet. Then a second passes, so both the seller's budget and the fake's bucket are full.
    /// </summary>
    private async Task<DateTimeOffset> WarmUpAsync(params ConnectionContext[] contexts)
    {
        var stock = _services.Connector().GetFeature<IStockFeature>()!;
        foreach (var context in contexts)
        {
            var result = await stock.PushStockAsync(context, [new StockUpdate("ART-WARM-UP", WarmUpSku, 1)], CancellationToken.None);
            Assert.Equal(RecordOutcome.Succeeded, Assert.Single(result.Records).Outcome);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        return _time.GetUtcNow();
    }

    private async Task<IReadOnlyList<RecordResult>> PushAsync(ConnectionContext context, int first, int count)
    {
        // As the SDK sends them: batches of the feature's size, one after the other.
        var stock = _services.Connector().GetFeature<IStockFeature>()!;
        var results = new List<RecordResult>();
        foreach (var batch in Enumerable.Range(first, count).Chunk(stock.MaxBatchSize))
        {
            var sent = await stock.PushStockAsync(context, batch.Select(i => new StockUpdate($"ART-{i}", Sku(i), Quantity(i))).ToArray(), CancellationToken.None);
            results.AddRange(sent.Records);
        }

        return results;
    }

    private async Task<T> RunAsync<T>(Task<T> work)
    {
        await _time.RunAsync(_flows, work, TimeSpan.FromHours(1));
        return await work;
    }
}
