using Connect.Sdk.Secrets.DataProtection;
using Connect.Sdk.Settings;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Storage.Sqlite.Tests.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connect.Sdk.Storage.PostgreSql.Tests.DependencyInjection;

/// <summary>UsePostgreSql protects secrets as UseSqlite does: Data Protection by default, plain text only when asked, checked at start-up.</summary>
public sealed class UsePostgreSqlSecretProtectionTests(PostgreSqlServer server) : IAsyncDisposable
{
    private static readonly ConnectionId Shop = new("shopify-de");
    private const string Token = "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";

    private readonly PostgreSqlTestDatabases _databases = new(server);
    private readonly SecretKeys _keys = new();

    [Fact]
    public async Task UsePostgreSql_NothingElse_SecretsAreProtectedWithDataProtectionInTheDefaultKeyFolder()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UsePostgreSql(await _databases.ConnectionStringAsync());
        await using var provider = services.BuildServiceProvider();

        Assert.EndsWith("(protected: data-protection)", provider.GetRequiredService<ISecretStore>().ToString(), StringComparison.Ordinal);
        Assert.Equal($"Data Protection secret protector (the key folder {DataProtectionSecretProtector.DefaultKeysFolder})", provider.GetRequiredService<ISecretProtector>().ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UsePostgreSql_WithProtectSecretsWithDataProtection_TheNamedFolderHoldsTheKeysBeforeOrAfter(bool namedFirst)
    {
        var connectionString = await _databases.ConnectionStringAsync();
        var services = new ServiceCollection();
        var sdk = services.AddConnectSdk();
        if (namedFirst)
        {
            sdk.ProtectSecretsWithDataProtection(_keys.Folder).UsePostgreSql(connectionString);
        }
        else
        {
            sdk.UsePostgreSql(connectionString).ProtectSecretsWithDataProtection(_keys.Folder);
        }

        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISecretStore>().SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);

        Assert.Equal(Token, (await new PostgreSqlSecretStore(await _databases.OpenAsync(), _keys.Protector()).GetAsync(Shop, "accessToken", CancellationToken.None))?.Reveal());
    }

    [Fact]
    public async Task UsePostgreSql_PlainTextOption_SecretsAreKeptAsEntered()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UsePostgreSql(await _databases.ConnectionStringAsync(), o => o.DangerouslyStoreSecretsInPlainText = true);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ISecretStore>().SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);

        Assert.EndsWith("(plain text)", provider.GetRequiredService<ISecretStore>().ToString(), StringComparison.Ordinal);
        Assert.Equal(Token, (await PostgreSqlSecretStore.DangerouslyInPlainText(await _databases.OpenAsync()).GetAsync(Shop, "accessToken", CancellationToken.None))?.Reveal());
    }

    [Fact]
    public async Task StartAsync_PlainTextOptionOnADatabaseWithProtectedSecrets_StartUpFailsNamingTheOption()
    {
        var connectionString = await _databases.ConnectionStringAsync();
        await new PostgreSqlSecretStore(await _databases.OpenAsync(), _keys.Protector()).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        var services = new ServiceCollection();
        services.AddConnectSdk().UsePostgreSql(connectionString, o => o.DangerouslyStoreSecretsInPlainText = true);
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<ConnectSdkException>(() => StartAsync(provider));

        Assert.Contains("DangerouslyStoreSecretsInPlainText", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ProtectedSecretsAndAnEmptyKeyFolder_StartUpFailsNamingTheFolder()
    {
        var connectionString = await _databases.ConnectionStringAsync();
        await new PostgreSqlSecretStore(await _databases.OpenAsync(), _keys.Protector()).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        var lost = Path.Combine(Path.GetDirectoryName(_keys.Folder)!, "new-machine-keys");
        var services = new ServiceCollection();
        services.AddConnectSdk().UsePostgreSql(connectionString).ProtectSecretsWithDataProtection(lost);
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<SecretProtectionException>(() => StartAsync(provider));

        Assert.Contains(lost, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _databases.DisposeAsync();
        _keys.Dispose();
    }

    private static async Task StartAsync(IServiceProvider provider)
    {
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }
}
