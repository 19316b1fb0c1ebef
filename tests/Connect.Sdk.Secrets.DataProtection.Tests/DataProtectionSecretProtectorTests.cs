using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Connect.Sdk.Settings;
using Connect.Sdk.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Secrets.DataProtection.Tests;

/// <summary>Where the keys live, who may read them, and what a host sees when they are gone.</summary>
public sealed class DataProtectionSecretProtectorTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shopify-de");
    private const string Token = "shpat_test_0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private readonly KeyFolder _keys = new();

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task Create_NewFolder_KeyRingIsWrittenThereAndTheFolderIsOwnerOnly()
    {
        using var protector = DataProtectionSecretProtector.Create(_keys.Path);

        await protector.ProtectAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, new DirectoryInfo(_keys.Path).UnixFileMode);
        var key = Assert.Single(Directory.GetFiles(_keys.Path, "key-*.xml"));
        Assert.DoesNotContain(Token, await File.ReadAllTextAsync(key), StringComparison.Ordinal);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Create_ExistingFolderOpenToOthers_IsNarrowedToOwnerOnly()
    {
        Directory.CreateDirectory(_keys.Path);
        File.SetUnixFileMode(_keys.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        using var protector = DataProtectionSecretProtector.Create(_keys.Path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_keys.Path));
    }

    [Fact]
    public async Task Unprotect_KeyFolderLost_ThrowsNamingTheRowAndTheFolderNotTheSecret()
    {
        string stored;
        using (var before = DataProtectionSecretProtector.Create(_keys.Path))
        {
            stored = await before.ProtectAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        }

        using var withOtherKeys = DataProtectionSecretProtector.Create(_keys.Other);
        var error = await Assert.ThrowsAsync<SecretProtectionException>(async () => await withOtherKeys.UnprotectAsync(Shop, "accessToken", stored, CancellationToken.None));

        Assert.Contains("'accessToken' of connection 'shopify-de'", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(_keys.Other), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(stored, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ConnectSdkErrorCode.Failure, error.Code);
    }

    [Fact]
    public async Task Create_AnotherApplicationsDataProtectionOnTheSameFolder_CannotReadTheSecrets()
    {
        using var protector = DataProtectionSecretProtector.Create(_keys.Path);
        var stored = await protector.ProtectAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);

        // The host's own Data Protection (an ASP.NET Core app's cookies) on the same keys, with its own purposes.
        var hostsOwn = new ServiceCollection().AddDataProtection().SetApplicationName(DataProtectionSecretProtector.ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(_keys.Path)).Services.BuildServiceProvider();
        using (hostsOwn)
        {
            var cookies = hostsOwn.GetRequiredService<IDataProtectionProvider>().CreateProtector("Microsoft.AspNetCore.Authentication.Cookies");
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => cookies.Unprotect(stored));
        }
    }

    [Fact]
    public async Task Create_KeysProtectedWithACertificateThroughTheBuilder_KeyFileHoldsNoPlainKeyAndSecretsReadBack()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=Connect.Sdk key encryption test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        void WithCertificate(IDataProtectionBuilder dp) => dp.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        string stored;
        using (var protector = DataProtectionSecretProtector.Create(_keys.Path, WithCertificate))
        {
            stored = await protector.ProtectAsync(Shop, "accessToken", new SecretValue(Token), CancellationToken.None);
        }

        var key = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_keys.Path, "key-*.xml")));
        using var again = DataProtectionSecretProtector.Create(_keys.Path, WithCertificate);

        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        Assert.Equal(Token, (await again.UnprotectAsync(Shop, "accessToken", stored, CancellationToken.None)).Reveal());
    }

    [Fact]
    public void ToString_NamesTheFolderOnly()
    {
        using var protector = DataProtectionSecretProtector.Create(_keys.Path);

        Assert.Equal($"Data Protection secret protector (the key folder {Path.GetFullPath(_keys.Path)})", protector.ToString());
    }

    public void Dispose() => _keys.Dispose();
}
