using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Journal;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.Fakes.Amazon;
using NodaTime;

namespace Connect.Sdk.Amazon.Tests.Faults;

/// <summary>Stock under the fake's faults and refusals: exactly the refused records fail, FBA stock is never pushed, every level ends right.</summary>
public sealed class AmazonStockFaultTests : IAsyncDisposable
{
    private readonly AmazonTestHost _test = new();

    public ValueTask DisposeAsync() => _test.DisposeAsync();

    [Fact]
    public async Task PartlyRefusedBatch_ExactlyThoseFail_FbaRecordsNotSyncedWithTheReason()
    {
        var connection = await _test.ConnectAsync();
        await _test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 7);
        await _test.MapAsync(connection, "ART-2", AmazonTestHost.Fbm("MUG-GREEN"), 8);
        await _test.MapAsync(connection, "ART-3", AmazonTestHost.Fbm("MUG-WHITE"), 9);
        await _test.MapAsync(connection, "ART-4", AmazonTestHost.Fbm("MUG-GONE"), 4, listed: false);
        _test.Amazon.SeedArticle(AmazonTestHost.Fba("MUG-RED"), 15);
        await _test.MapAsync(connection, "ART-5", AmazonTestHost.Fbm("MUG-RED"), 5, listed: false);
        await _test.MapAsync(connection, "ART-6", AmazonTestHost.Fba("MUG-YELLOW"), 6, onAmazon: 40);

        await _test.Host.RunDueAsync();

        var journal = await _test.JournalAsync(connection, RecordKind.ArticleStock);
        Assert.Equal(JournalStatus.Succeeded, journal["ART-1"].Status);
        Assert.Equal(JournalStatus.Succeeded, journal["ART-2"].Status);
        Assert.Equal(JournalStatus.Succeeded, journal["ART-3"].Status);
        Assert.Equal(JournalStatus.Failed, journal["ART-4"].Status);
        Assert.Contains("does not list SKU MUG-GONE", journal["ART-4"].Message, StringComparison.Ordinal);
        Assert.Equal(JournalStatus.Failed, journal["ART-5"].Status);
        Assert.Contains("INVALID", journal["ART-5"].Message, StringComparison.Ordinal);
        Assert.Contains("FBA_QUANTITY_NOT_EDITABLE", journal["ART-5"].Message, StringComparison.Ordinal);
        Assert.Equal(JournalStatus.NotSynced, journal["ART-6"].Status);
        Assert.Contains("fulfilled by Amazon", journal["ART-6"].Message, StringComparison.Ordinal);

        Assert.Equal([7, 8, 9], new[] { "MUG-BLUE", "MUG-GREEN", "MUG-WHITE" }.Select(s => _test.Amazon.StockOf(AmazonTestHost.Fbm(s))));
        Assert.Equal(15, _test.Amazon.StockOf(AmazonTestHost.Fba("MUG-RED")));
        Assert.Equal(40, _test.Amazon.StockOf(AmazonTestHost.Fba("MUG-YELLOW")));
        Assert.DoesNotContain(_test.Amazon.Requests, r => r.PathAndQuery.Contains("MUG-YELLOW", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefreshTokenRefusedByLoginWithAmazon_PausesTheConnection_NoArticleFailsAndAnHourAsksAtMostOneBatch()
    {
        var connection = await _test.ConnectAsync();
        for (var i = 1; i <= 6; i++)
        {
            await _test.MapAsync(connection, $"ART-{i}", AmazonTestHost.Fbm($"MUG-{i}"), 7);
        }

        // The seller revoked the authorisation in Seller Central: LWA answers 400 invalid_grant from now on.
        await _test.Host.Get<ISecretStore>().SetAsync(connection, AmazonConnector.RefreshTokenKey, new SecretValue(AmazonTestAccount.WrongRefreshToken), CancellationToken.None);
        await _test.Host.RunForAsync(Duration.FromHours(1));

        var refusals = _test.Amazon.Requests.Count(r => r.Operation == AmazonOperations.LwaToken && r.StatusCode == 400);
        Assert.InRange(refusals, 1, 5);
        var articles = await _test.JournalAsync(connection, RecordKind.ArticleStock);
        Assert.DoesNotContain(articles.Values, e => e.Status == JournalStatus.Failed);
        var paused = Assert.Single((await _test.JournalAsync(connection, RecordKind.Connection)).Values, e => e.Status == JournalStatus.Failed);
        Assert.StartsWith("Paused: the marketplace refused the connection's credentials", paused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuotaExceeded_PausesAndRetries_EveryLevelRight()
    {
        var connection = await _test.ConnectAsync();
        await _test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 7);
        await _test.MapAsync(connection, "ART-2", AmazonTestHost.Fbm("MUG-GREEN"), 8);
        _test.Amazon.Faults.Next(FaultKind.TooManyRequests, operation: AmazonOperations.PatchListingsItem);
        var start = _test.Time.GetUtcNow();

        await _test.Host.RunDueAsync();

        var journal = await _test.JournalAsync(connection, RecordKind.ArticleStock);
        Assert.All(journal.Values, e => Assert.Equal(JournalStatus.Succeeded, e.Status));
        Assert.Equal(7, _test.Amazon.StockOf(AmazonTestHost.Fbm("MUG-BLUE")));
        Assert.Equal(8, _test.Amazon.StockOf(AmazonTestHost.Fbm("MUG-GREEN")));
        Assert.Single(_test.Amazon.Requests, r => r.StatusCode == 429);

        // No Retry-After from Amazon: the seller's patchListingsItem budget pauses for one refill (1 / 5 s) before the
        // retry. Measured as the time the run took, not as one wait: the other article's request may wait side by side
        // and move the virtual time, which leaves the pause's own wait shorter but never ends it sooner.
        Assert.True(_test.Time.GetUtcNow() - start >= TimeSpan.FromSeconds(0.2), $"the run took {_test.Time.GetUtcNow() - start}");
    }

    [Fact]
    public async Task QuotaExceededWithRetryAfter_IsHonoured_EveryLevelRight()
    {
        await using var test = new AmazonTestHost(() => StandInTransport.TooManyRequests(AmazonOperations.PatchListingsItem, retryAfterSeconds: 7));
        var connection = await test.ConnectAsync();
        await test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 7);

        await test.Host.RunDueAsync();

        Assert.Equal(JournalStatus.Succeeded, (await test.JournalAsync(connection, RecordKind.ArticleStock))["ART-1"].Status);
        Assert.Equal(7, test.Amazon.StockOf(AmazonTestHost.Fbm("MUG-BLUE")));
        Assert.Contains(test.Time.Waits, w => w >= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task MalformedAnswer_ThatRecordFailsWithTheReason_AndIsSentAgainByTheNextRun()
    {
        var connection = await _test.ConnectAsync();
        await _test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 7);
        await _test.MapAsync(connection, "ART-2", AmazonTestHost.Fbm("MUG-GREEN"), 8);
        _test.Amazon.Faults.Next(FaultKind.MalformedJson, operation: AmazonOperations.PatchListingsItem);

        await _test.Host.RunForAsync(Duration.FromMinutes(10));

        // The first answer was an HTML page: that record failed with the reason, its neighbour did not, and a later run
        // (the quantity was never confirmed, so the delta sends it again) brought it across.
        var journal = await _test.JournalAsync(connection, RecordKind.ArticleStock);
        var failures = journal.Values.SelectMany(e => e.History.Where(h => h.To == JournalStatus.Failed).Select(h => (e.Key.RecordKey, h.Message))).ToArray();
        var failure = Assert.Single(failures);
        Assert.Contains("not the documented JSON", failure.Message, StringComparison.Ordinal);
        Assert.All(journal.Values, e => Assert.Equal(JournalStatus.Succeeded, e.Status));
        Assert.Equal(7, _test.Amazon.StockOf(AmazonTestHost.Fbm("MUG-BLUE")));
        Assert.Equal(8, _test.Amazon.StockOf(AmazonTestHost.Fbm("MUG-GREEN")));
    }

    [Fact]
    public async Task DroppedConnectionOnThePatch_IsSentAgain_BecauseAnAbsoluteQuantityIsIdempotent()
    {
        var connection = await _test.ConnectAsync();
        await _test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 7);
        _test.Amazon.Faults.Next(FaultKind.DroppedConnection, operation: AmazonOperations.PatchListingsItem)
            .Next(FaultKind.TruncatedJson, operation: AmazonOperations.PatchListingsItem);

        await _test.Host.RunDueAsync();
        await _test.Host.RunForAsync(Duration.FromMinutes(10));

        Assert.Equal(JournalStatus.Succeeded, (await _test.JournalAsync(connection, RecordKind.ArticleStock))["ART-1"].Status);
        Assert.Equal(7, _test.Amazon.StockOf(AmazonTestHost.Fbm("MUG-BLUE")));
        Assert.Equal(2, _test.Amazon.Faults.Injected.Count);
    }
}
