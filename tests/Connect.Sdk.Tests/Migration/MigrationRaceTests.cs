using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Tests.ForeignNumbers;
using static Connect.Sdk.Tests.Migration.MigrationWorld;

namespace Connect.Sdk.Tests.Migration;

/// <summary>Another writer changes the stores between the migration's check and its write.</summary>
public sealed class MigrationRaceTests
{
    [Fact]
    public async Task ApplyAsync_StoreRefusesTheWrite_ReportsTheRowsNotWrittenAndJournalsOnlyStoredArticles()
    {
        var inner = new InMemoryForeignNumberStore();
        var racing = false;
        // A racing writer: the store answers every mapping as taken meanwhile and writes none.
        var store = new FaultyForeignNumberStore(inner, (mappings, ct) =>
            racing ? ValueTask.FromResult<IReadOnlyList<ForeignNumberMapping>>(mappings.ToArray()) : inner.UpsertAsync(mappings, ct));
        var world = new MigrationWorld(foreignNumbers: store);
        await world.ApplyAsync(Export("4711;shopifyproductid;1001\n"));
        racing = true;

        var report = await world.ApplyAsync(Export("4711;shopifyproductid;1001\n4712;shopifyproductid;1002\n"));

        Assert.False(report.IsNothingToDo);
        Assert.Equal((0, 1, 1), (report.ForeignNumbersCreated, report.ForeignNumbersNotWritten, report.ForeignNumbersUnchanged));
        Assert.Contains("1 not written", report.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(report.Conflicts).LineNumber);
        Assert.Equal(["4711;shopifyproductid;1001"], await world.ListForeignNumbersAsync());
        Assert.Equal(["ArticleStock 4711"], await world.ListJournalKeysAsync());
    }

    [Fact]
    public async Task ApplyAsync_ConnectionCreatedByAnotherUserMeanwhile_ThrowsAConflict()
    {
        var connections = new HidingOnceConnectionStore(new InMemoryConnectionStore());
        var world = new MigrationWorld(connections: connections);
        await world.ApplyAsync(Export("4711;shopifyproductid;1001\n"));
        connections.HideNextRead();

        var error = await Assert.ThrowsAsync<ConnectSdkException>(() => world.ApplyAsync(Export("4711;shopifyproductid;1001\n")));

        Assert.Equal(ConnectSdkErrorCode.Conflict, error.Code);
        Assert.Contains("Run it again", error.Message, StringComparison.Ordinal);
    }
}
