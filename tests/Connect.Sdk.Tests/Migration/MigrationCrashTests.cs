using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Tests.ForeignNumbers;
using Connect.Sdk.Tests.Lifecycle;
using static Connect.Sdk.Tests.Migration.MigrationWorld;

namespace Connect.Sdk.Tests.Migration;

/// <summary>An apply that stops half-way and is run again ends where one uninterrupted apply ends.</summary>
public sealed class MigrationCrashTests
{
    private const string Rows = "4711;shopifyproductid;1001\nM-100-S;shopifyvariantid;2001\n4712;shopifyvariantid;2002\n";

    [Fact]
    public async Task ApplyAsync_StoreFailsOnTheForeignNumbers_WritesNoneAndARerunFinishes()
    {
        var world = new MigrationWorld(foreignNumbers: FailingOnce(new InMemoryForeignNumberStore()));

        await Assert.ThrowsAsync<IOException>(() => world.ApplyAsync(Export(Rows)));
        Assert.Empty(await world.ListForeignNumbersAsync());
        var rerun = await world.ApplyAsync(Export(Rows));

        await AssertSameEndStateAsync(world);
        Assert.Equal(2, rerun.ForeignNumbersCreated);
        Assert.True((await world.ApplyAsync(Export(Rows))).IsNothingToDo);
    }

    [Fact]
    public async Task ApplyAsync_SecretStoreFailsAfterTheSettingsWereSaved_ARerunStoresTheSecret()
    {
        var world = new MigrationWorld(secrets: new FailingOnceSecretStore());

        await Assert.ThrowsAsync<IOException>(() => world.ApplyAsync(Export(Rows)));
        await world.ApplyAsync(Export(Rows));

        await AssertSameEndStateAsync(world);
        Assert.Equal(Token, (await world.Secrets.GetAsync(Target, LifecycleFixtures.AccessToken, CancellationToken.None))?.Reveal());
    }

    [Fact]
    public async Task ApplyAsync_JournalFailsAfterTheForeignNumbersWereWritten_ARerunListsTheMappedArticles()
    {
        var world = new MigrationWorld(journal: new FailingOnceJournalStore());

        await Assert.ThrowsAsync<IOException>(() => world.ApplyAsync(Export(Rows)));
        Assert.Equal(2, (await world.ListForeignNumbersAsync()).Count);
        var rerun = await world.ApplyAsync(Export(Rows));

        await AssertSameEndStateAsync(world);
        Assert.Equal(0, rerun.ForeignNumbersCreated);
        Assert.Equal(["ArticleStock 4711", "ArticleStock M-100-S"], (await world.ListJournalKeysAsync()).Order(StringComparer.Ordinal));
    }

    private static FaultyForeignNumberStore FailingOnce(InMemoryForeignNumberStore inner)
    {
        var failed = false;
        return new FaultyForeignNumberStore(inner, (mappings, ct) =>
        {
            if (failed)
            {
                return inner.UpsertAsync(mappings, ct);
            }

            failed = true;
            throw new IOException("disk gone");
        });
    }

    private static async Task AssertSameEndStateAsync(MigrationWorld interrupted)
    {
        var clean = new MigrationWorld();
        await clean.ApplyAsync(Export(Rows));
        var (expected, actual) = (await clean.ConnectionAsync(), await interrupted.ConnectionAsync());

        Assert.Equal(await clean.ListForeignNumbersAsync(), await interrupted.ListForeignNumbersAsync());
        Assert.Equal(await clean.ListJournalKeysAsync(), await interrupted.ListJournalKeysAsync());
        Assert.Equal(expected with { Version = 0, Check = ConnectionCheck.NotChecked, CredentialsRevision = 0 }, actual with { Version = 0, Check = ConnectionCheck.NotChecked, CredentialsRevision = 0 });
        Assert.False(actual.IsProductive);
    }
}
