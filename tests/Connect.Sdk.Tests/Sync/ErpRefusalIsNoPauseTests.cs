using Connect.Sdk.Journal;
using Connect.Sdk.Stock;
using Connect.Sdk.Tests.Stock;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Tests.Sync;

/// <summary>
/// Only the marketplace's refusal pauses a connection: a 401 from the ERP's side (its stock service) is no fault of the
/// marketplace's credentials, so the run fails with its reason and the user is not sent to the connection's settings.
/// </summary>
public sealed class ErpRefusalIsNoPauseTests
{
    [Fact]
    public async Task RunDueAsync_ErpStockSourceAnswers401_TheRunFailsWithItsReasonAndNothingIsPaused()
    {
        await using var w = await StockWorld.ProductiveAsync(configure: services => services.AddSingleton<IStockSource>(new RefusedStockSource()));
        await w.AddManyAsync(3);

        await w.H.Engine.RunDueAsync(default);

        var runs = (await w.H.Journal.QueryAsync(new JournalQuery(w.Connection, RecordKind.Connection), 0, 10, default)).Entries;
        Assert.NotEmpty(runs);
        Assert.All(runs, e => Assert.DoesNotContain("Paused", e.Message, StringComparison.Ordinal));
        Assert.Contains(runs, e => e.Message?.Contains(RefusedStockSource.Reason, StringComparison.Ordinal) == true);
    }

    // The ERP's stock service refusing the host's own credentials.
    private sealed class RefusedStockSource : IStockSource
    {
        public const string Reason = "The ERP's stock service answered 401 (Unauthorized).";

        public ValueTask<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
            throw new HttpRequestException(Reason, null, System.Net.HttpStatusCode.Unauthorized);
    }
}
