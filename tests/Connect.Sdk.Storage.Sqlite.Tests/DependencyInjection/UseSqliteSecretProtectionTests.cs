using Connect.Sdk.Secrets.DataProtection;
using Connect.Sdk.Settings;
using Connect.Sdk.Storage.Sqlite.Tests.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connect.Sdk.Storage.Sqlite.Tests.DependencyInjection;

/// <summary>UseSqlite protects secrets unless told in so many words not to, and checks the file when the host starts.</summary>
public sealed class UseSqliteSecretProtectionTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shopify-de");
    private const string Token = "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";
    private readonly SqliteTestFiles _files = new();
    private readonly SecretKeys _keys = new();

    [Fact]
    public void UseSqlite_NothingElse_SecretsAreProtectedWithDataProtectionInTheDefaultKeyFolder()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UseSqlite(_files.DefaultPath);
        using var provider = services.BuildServiceProvider();

        Assert.Equal($"SQLite secret store in {_files.DefaultPath} (protected: data-protection)", provider.GetRequiredService<ISecretStore>().ToString());
        Assert.Equal($"Data Protection secret protector (the key folder {DataProtectionSecretProtector.DefaultKeysFolder})", provider.GetRequiredService<ISecretProtector>().ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UseSqlite_WithProtectSecretsWithDataProtection_TheNamedFolderHoldsTheKeysBeforeOrAfter(bool namedFirst)
    {
        var services = new ServiceCollection();
        var sdk = services.AddConnectSdk();
        if (namedFirst)
        {
            sdk.ProtectSecretsWithDataProtection(_keys.Folder).UseSqlite(_files.DefaultPath);
        }
        else
        {
            sdk.UseSqlite(_files.DefaultPath).ProtectSecretsWithDataProtection(_keys.Folder);
        }

        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISecretStore>().SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);

        Assert.Single(Directory.GetFiles(_keys.Folder, "key-*.xml"));
        Assert.Equal(Token, (await new SqliteSecretStore(_files.Open(), _keys.Protector()).GetAsync(Shop, "accessToken", CancellationToken.None))?.Reveal());
    }

    [Fact]
    public async Task UseSqlite_PlainTextOption_SecretsAreKeptAsEntered()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UseSqlite(_files.DefaultPath, o => o.DangerouslyStoreSecretsInPlainText = true);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ISecretStore>().SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);

        Assert.Equal($"SQLite secret store in {_files.DefaultPath} (plain text)", provider.GetRequiredService<ISecretStore>().ToString());
    }

    [Fact]
    public async Task StartAsync_PlainTextOptionOnAFileWithProtectedSecrets_StartUpFailsNamingTheOption()
    {
        await new SqliteSecretStore(_files.Open(), _keys.Protector()).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        var services = new ServiceCollection();
        services.AddConnectSdk().UseSqlite(_files.DefaultPath, o => o.DangerouslyStoreSecretsInPlainText = true);
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<ConnectSdkException>(() => StartAsync(provider));

        Assert.Contains("DangerouslyStoreSecretsInPlainText", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ProtectedSecretsAndAnEmptyKeyFolder_StartUpFailsNamingTheFolder()
    {
        await new SqliteSecretStore(_files.Open(), _keys.Protector()).SetAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        var lost = Path.Combine(Path.GetDirectoryName(_keys.Folder)!, "new-machine-keys");
        var services = new ServiceCollection();
        services.AddConnectSdk().UseSqlite(_files.DefaultPath).ProtectSecretsWithDataProtection(lost);
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<SecretProtectionException>(() => StartAsync(provider));

        Assert.Contains(lost, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _files.Dispose();
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
