using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>
/// Two processes importing batches that give one foreign number to two articles at once: batches of one connection take
/// turns, so exactly one lands and the other is told of its conflict — neither fails on the unique index.
/// </summary>
public sealed class PostgreSqlForeignNumberRaceTests(PostgreSqlServer server) : IAsyncDisposable
{
    private static readonly ConnectionId Shop = new("shop");
    private readonly PostgreSqlTestDatabases _databases = new(server);

    [Fact]
    public async Task Upsert_TwoProcessesGivingOneForeignNumberToTwoArticles_ExactlyOneLandsAndNeitherFails()
    {
        var first = new PostgreSqlForeignNumberStore(await _databases.OpenAsync());
        var second = new PostgreSqlForeignNumberStore(await _databases.OpenAsync());

        for (var round = 0; round < 30; round++)
        {
            var sku = new ForeignNumber(new ForeignNumberLabel("SKU"), "SKU-" + round);
            var results = await Task.WhenAll(
                Task.Run(async () => await first.UpsertAsync([new ForeignNumberMapping(Shop, "A-" + round, sku)], CancellationToken.None)),
                Task.Run(async () => await second.UpsertAsync([new ForeignNumberMapping(Shop, "B-" + round, sku)], CancellationToken.None)));

            Assert.Equal(1, results.Count(conflicts => conflicts.Count == 0));
            var owner = await first.FindByForeignNumberAsync(Shop, sku, CancellationToken.None);
            Assert.NotNull(owner);
        }
    }

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
