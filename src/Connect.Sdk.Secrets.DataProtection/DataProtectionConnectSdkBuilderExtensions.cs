using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Secrets.DataProtection;
using Connect.Sdk.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

// In the DI namespace, like AddConnectSdk, so the method is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses where the Data Protection keys that protect the SDK's stored secrets live.</summary>
public static class DataProtectionConnectSdkBuilderExtensions
{
    /// <summary>
    /// Protects the secrets a SQL store writes (<c>UseSqlite</c>, and any store that takes an <see cref="ISecretProtector"/>)
    /// with ASP.NET Core Data Protection, its key ring in <paramref name="keysFolder"/> (created owner-only). Replaces the
    /// store's default key folder and any protector registered before; called before or after the store, it wins.
    /// </summary>
    /// <param name="builder">The SDK builder.</param>
    /// <param name="keysFolder">The key folder; every process of the host that shares the database must use the same one.</param>
    /// <param name="configure">Further Data Protection settings, e.g. key encryption with a certificate or a vault.</param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder ProtectSecretsWithDataProtection(this ConnectSdkBuilder builder, string keysFolder, Action<IDataProtectionBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(keysFolder);
        builder.Services.RemoveAll<ISecretProtector>();
        builder.Services.AddSingleton<ISecretProtector>(sp => DataProtectionSecretProtector.Create(keysFolder, configure, sp.GetService<ILoggerFactory>()));
        return builder;
    }
}
