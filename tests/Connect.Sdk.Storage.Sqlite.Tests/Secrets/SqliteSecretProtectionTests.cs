using System.Runtime.Versioning;
using Connect.Sdk.Settings;
using Connect.Sdk.Storage.Sqlite.Schema;
using Connect.Sdk.TestSupport;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Tests.Secrets;

/// <summary>
/// The file, its WAL and its backups hold secrets only protected: new ones, and the plain-text rows of a file written
/// before protection, which the store protects when it opens the file. Missing keys and the plain-text option on a
/// protected file fail with a message that names what to fix, never a secret.
/// </summary>
public sealed class SqliteSecretProtectionTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shopify-de");
    private static readonly ConnectionId Amazon = new("amazon-de");
    private const string Token = "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";
    private const string RefreshToken = "Atzr|IwEBIProtectionTestRefreshToken7f3a91";

    private readonly SqliteTestFiles _files = new();
    private readonly SecretKeys _keys = new();

    [Fact]
    public async Task SetAsync_Secret_RowRecordsTheSchemeAndTheFileAndWalNeverHoldTheValue()
    {
        var store = new SqliteSecretStore(_files.Open(), _keys.Protector());

        await store.SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);

        var (value, protection) = Assert.Single(await RowsAsync());
        Assert.Equal("data-protection", protection);
        Assert.NotEqual(Token, value);
        Assert.Empty(FileText.FoundIn(FileText.DatabaseWithWal(_files.DefaultPath), [Token]));
        Assert.Equal(Token, (await store.GetAsync(Shop, "accessToken", CancellationToken.None))?.Reveal());
    }

    [Fact]
    public async Task OpenAsync_FileOfThePreviousSchema_PlainRowsAreProtectedAndGoneFromFileAndWal()
    {
        await WritePreviousSchemaFileAsync((Shop, "accessToken", Token), (Amazon, "refreshToken", RefreshToken));
        Assert.Equal([Token, RefreshToken], FileText.FoundIn(FileText.DatabaseWithWal(_files.DefaultPath), [Token, RefreshToken]));
        var store = new SqliteSecretStore(_files.Open(), _keys.Protector());

        await store.OpenAsync(CancellationToken.None);

        Assert.All(await RowsAsync(), row => Assert.Equal("data-protection", row.Protection));
        Assert.Empty(FileText.FoundIn(FileText.DatabaseWithWal(_files.DefaultPath), [Token, RefreshToken]));
        Assert.Equal(Token, (await store.GetAsync(Shop, "accessToken", CancellationToken.None))?.Reveal());
        Assert.Equal(RefreshToken, (await new SqliteSecretStore(_files.Open(), _keys.Protector()).GetAsync(Amazon, "refreshToken", CancellationToken.None))?.Reveal());
    }

    [Fact]
    public async Task GetAsync_FileOfThePreviousSchemaNotOpenedYet_ProtectsOnFirstUse()
    {
        await WritePreviousSchemaFileAsync((Shop, "accessToken", Token));
        var store = new SqliteSecretStore(_files.Open(), _keys.Protector());

        var read = await store.GetAsync(Shop, "accessToken", CancellationToken.None);

        Assert.Equal(Token, read?.Reveal());
        Assert.Equal("data-protection", Assert.Single(await RowsAsync()).Protection);
    }

    [Fact]
    public async Task OpenAsync_ProtectedRowsButTheKeysAreLost_FailsNamingTheKeyFolderNotTheSecret()
    {
        await new SqliteSecretStore(_files.Open(), _keys.Protector()).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        var withOtherKeys = new SqliteSecretStore(_files.Open(), _keys.Protector("restored-without-keys"));

        var error = await Assert.ThrowsAsync<SecretProtectionException>(() => withOtherKeys.OpenAsync(CancellationToken.None));

        Assert.Contains("restored-without-keys", error.Message, StringComparison.Ordinal);
        Assert.Contains("'accessToken' of connection 'shopify-de'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_PlainTextOptionOnAFileWithProtectedRows_FailsNamingTheOptionAndLeavesTheFile()
    {
        await new SqliteSecretStore(_files.Open(), _keys.Protector()).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        var before = await RowsAsync();

        var error = await Assert.ThrowsAsync<ConnectSdkException>(() => SqliteSecretStore.DangerouslyInPlainText(_files.Open()).OpenAsync(CancellationToken.None));

        Assert.Contains("SqliteStoreOptions.DangerouslyStoreSecretsInPlainText", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task SetAsync_PlainTextOption_RowIsMarkedPlainAndAProtectingStoreProtectsItOnOpen()
    {
        await SqliteSecretStore.DangerouslyInPlainText(_files.Open()).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        Assert.Equal((Token, "plain"), Assert.Single(await RowsAsync()));

        await new SqliteSecretStore(_files.Open(), _keys.Protector()).OpenAsync(CancellationToken.None);

        Assert.Equal("data-protection", Assert.Single(await RowsAsync()).Protection);
    }

    [Fact]
    public async Task BackupAsync_OfAFileWithSecrets_CopyHoldsOnlyProtectedValuesThatReadBackWithTheKeys()
    {
        await WritePreviousSchemaFileAsync((Amazon, "refreshToken", RefreshToken));
        var database = _files.Open();
        var store = new SqliteSecretStore(database, _keys.Protector());
        await store.SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        var backup = Path.Combine(Path.GetDirectoryName(_files.DefaultPath)!, "backup", "connect-backup.db");

        await database.BackupAsync(backup, CancellationToken.None);

        Assert.Empty(FileText.FoundIn(FileText.DatabaseWithWal(backup), [Token, RefreshToken]));
        var restored = new SqliteSecretStore(_files.Open(Path.Combine("backup", "connect-backup.db")), _keys.Protector());
        Assert.Equal(Token, (await restored.GetAsync(Shop, "accessToken", CancellationToken.None))?.Reveal());
        Assert.Equal(RefreshToken, (await restored.GetAsync(Amazon, "refreshToken", CancellationToken.None))?.Reveal());
    }

    [Fact]
    public async Task RemoveAsync_Secret_ItsProtectedTextIsOverwrittenInTheFile()
    {
        var store = new SqliteSecretStore(_files.Open(), _keys.Protector());
        await store.SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        var (stored, _) = Assert.Single(await RowsAsync());

        await store.RemoveAsync(Shop, "accessToken", CancellationToken.None);
        await _files.Open().TruncateWalAsync(CancellationToken.None);

        Assert.Empty(FileText.FoundIn(FileText.DatabaseWithWal(_files.DefaultPath), [stored]));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task MigrateAsync_NewFile_TheFileItsWalAndShmAreOwnerOnly()
    {
        var database = _files.Open();

        await new SqliteSecretStore(database, _keys.Protector()).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);

        foreach (var file in FileText.DatabaseWithWal(_files.DefaultPath))
        {
            Assert.True(File.Exists(file), $"{file} should exist while the database is open.");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task BackupAsync_NewFile_IsOwnerOnly()
    {
        var database = _files.Open();
        var backup = Path.Combine(Path.GetDirectoryName(_files.DefaultPath)!, "copy.db");

        await database.BackupAsync(backup, CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
    }

    [Fact]
    public void ToString_NamesTheFileAndTheProtectionOnly()
    {
        var database = _files.Open();

        Assert.Equal($"SQLite secret store in {database.Path} (protected: data-protection)", new SqliteSecretStore(database, _keys.Protector()).ToString());
        Assert.Equal($"SQLite secret store in {database.Path} (plain text)", SqliteSecretStore.DangerouslyInPlainText(database).ToString());
    }

    public void Dispose()
    {
        _files.Dispose();
        _keys.Dispose();
    }

    /// <summary>A file as the package wrote it before secrets were protected: the secrets table of version 1, plain values.</summary>
    private async Task WritePreviousSchemaFileAsync(params (ConnectionId Connection, string Key, string Value)[] secrets)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_files.DefaultPath)!);
        await using var connection = new SqliteConnection($"Data Source={_files.DefaultPath};Pooling=False");
        await connection.OpenAsync();
        await SqliteMigrator.MigrateAsync(connection, [SecretSchema.Migrations[0]], CancellationToken.None);
        foreach (var (shop, key, value) in secrets)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO secrets (connection, setting_key, value) VALUES ($connection, $key, $value);";
            insert.Parameters.AddWithValue("$connection", shop.Value);
            insert.Parameters.AddWithValue("$key", key);
            insert.Parameters.AddWithValue("$value", value);
            await insert.ExecuteNonQueryAsync();
        }
    }

    private async Task<List<(string Value, string Protection)>> RowsAsync() =>
        [.. (await StoredSecretRow.ReadAllAsync(_files.DefaultPath)).Select(r => (r.Value, r.Protection))];
}
