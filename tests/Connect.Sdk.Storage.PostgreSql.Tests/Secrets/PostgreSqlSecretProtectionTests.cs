using Connect.Sdk.Settings;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Storage.Sqlite.Tests.Secrets;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Secrets;

/// <summary>
/// The database holds secrets only protected: new ones, and the plain-text rows of a database written before
/// protection, which the store protects when it opens. Missing keys and the plain-text option on a protected database
/// fail with a message that names what to fix, never a secret.
/// </summary>
public sealed class PostgreSqlSecretProtectionTests(PostgreSqlServer server) : IAsyncDisposable
{
    private static readonly ConnectionId Shop = new("shopify-de");
    private const string Token = "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";

    private readonly PostgreSqlTestDatabases _databases = new(server);
    private readonly SecretKeys _keys = new();

    [Fact]
    public async Task SetAsync_Secret_RowRecordsTheSchemeAndNeverHoldsTheValue()
    {
        var database = await _databases.OpenAsync();

        await new PostgreSqlSecretStore(database, _keys.Protector()).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);

        var row = Assert.Single(await RowsAsync(database));
        Assert.Equal("data-protection", row.Protection);
        Assert.DoesNotContain(Token, row.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OpenAsync_RowsWrittenBeforeProtection_AreProtectedAndReadBack(bool firstUseInsteadOfOpen)
    {
        var database = await _databases.OpenAsync();
        // A row of secrets version 1: migration 2 gave it the column's default, plain.
        await database.ExecuteSqlAsync($"INSERT INTO secrets (connection, setting_key, value) VALUES ('{Shop}', 'accessToken', '{Token}');");
        Assert.Equal("plain", Assert.Single(await RowsAsync(database)).Protection);
        var store = new PostgreSqlSecretStore(await _databases.OpenAsync(), _keys.Protector());

        if (firstUseInsteadOfOpen)
        {
            Assert.Equal(Token, (await store.GetAsync(Shop, "accessToken", CancellationToken.None))?.Reveal());
        }
        else
        {
            await store.OpenAsync(CancellationToken.None);
        }

        var row = Assert.Single(await RowsAsync(database));
        Assert.Equal("data-protection", row.Protection);
        Assert.DoesNotContain(Token, row.Value, StringComparison.Ordinal);
        Assert.Equal(Token, (await store.GetAsync(Shop, "accessToken", CancellationToken.None))?.Reveal());
    }

    [Fact]
    public async Task OpenAsync_ProtectedRowsButTheKeysAreLost_FailsNamingTheKeyFolderNotTheSecret()
    {
        await new PostgreSqlSecretStore(await _databases.OpenAsync(), _keys.Protector()).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        var withOtherKeys = new PostgreSqlSecretStore(await _databases.OpenAsync(), _keys.Protector("restored-without-keys"));

        var error = await Assert.ThrowsAsync<SecretProtectionException>(() => withOtherKeys.OpenAsync(CancellationToken.None));

        Assert.Contains("restored-without-keys", error.Message, StringComparison.Ordinal);
        Assert.Contains("'accessToken' of connection 'shopify-de'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_PlainTextOptionOnADatabaseWithProtectedRows_FailsNamingTheOptionAndLeavesTheRows()
    {
        var database = await _databases.OpenAsync();
        await new PostgreSqlSecretStore(database, _keys.Protector()).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        var before = await RowsAsync(database);

        var error = await Assert.ThrowsAsync<ConnectSdkException>(() => PostgreSqlSecretStore.DangerouslyInPlainText(database).OpenAsync(CancellationToken.None));

        Assert.Contains("PostgreSqlStoreOptions.DangerouslyStoreSecretsInPlainText", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync(database));
    }

    [Fact]
    public async Task SetAsync_PlainTextOption_RowIsMarkedPlainAndAProtectingStoreProtectsItOnOpen()
    {
        var database = await _databases.OpenAsync();
        await PostgreSqlSecretStore.DangerouslyInPlainText(database).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        Assert.Equal((Token, "plain"), Assert.Single(await RowsAsync(database)));

        await new PostgreSqlSecretStore(database, _keys.Protector()).OpenAsync(CancellationToken.None);

        Assert.Equal("data-protection", Assert.Single(await RowsAsync(database)).Protection);
    }

    [Fact]
    public async Task ToString_NamesTheDatabaseAndTheProtectionOnly()
    {
        var database = await _databases.OpenAsync();

        Assert.Equal($"PostgreSQL secret store in {database} (protected: data-protection)", new PostgreSqlSecretStore(database, _keys.Protector()).ToString());
        Assert.Equal($"PostgreSQL secret store in {database} (plain text)", PostgreSqlSecretStore.DangerouslyInPlainText(database).ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _databases.DisposeAsync();
        _keys.Dispose();
    }

    private static Task<List<(string Value, string Protection)>> RowsAsync(PostgreSqlDatabase database) =>
        database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                var rows = new List<(string, string)>();
                await using var command = new NpgsqlCommand("SELECT value, protection FROM secrets ORDER BY connection, setting_key;", db, snapshot);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    rows.Add((reader.GetString(0), reader.GetString(1)));
                }

                return rows;
            },
            CancellationToken.None).AsTask();
}
