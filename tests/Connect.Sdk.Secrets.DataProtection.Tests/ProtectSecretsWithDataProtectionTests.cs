using Connect.Sdk.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Secrets.DataProtection.Tests;

/// <summary>The builder call that names the key folder replaces whatever protector was registered before it.</summary>
public sealed class ProtectSecretsWithDataProtectionTests : IDisposable
{
    private readonly KeyFolder _keys = new();

    [Fact]
    public void ProtectSecretsWithDataProtection_AfterAnotherProtector_ItsKeyFolderIsTheOneUsed()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProtector>(_ => DataProtectionSecretProtector.Create(_keys.Other));
        services.AddConnectSdk().ProtectSecretsWithDataProtection(_keys.Path);
        using var provider = services.BuildServiceProvider();

        var protector = provider.GetRequiredService<ISecretProtector>();

        Assert.Equal($"Data Protection secret protector (the key folder {Path.GetFullPath(_keys.Path)})", protector.ToString());
        Assert.Single(services, d => d.ServiceType == typeof(ISecretProtector));
    }

    public void Dispose() => _keys.Dispose();
}
