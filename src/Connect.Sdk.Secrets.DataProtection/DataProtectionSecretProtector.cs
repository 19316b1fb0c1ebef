using System.Security.Cryptography;
using Connect.Sdk.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Secrets.DataProtection;

/// <summary>
/// An <see cref="ISecretProtector"/> on ASP.NET Core Data Protection: authenticated encryption (AES-256-CBC with
/// HMAC-SHA256 by default) under keys that rotate every 90 days and are kept in a key ring on disk. Each value is bound
/// to its connection and setting key through Data Protection's purpose chain, below the SDK's own purpose
/// <see cref="Purpose"/>, so the host's other uses of Data Protection (cookies, antiforgery) can never read it.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Create"/> builds a key ring of its own in a folder (owner-only, 0700 on Unix) with a Data Protection
/// system that is not registered in the host's container: an ASP.NET Core host's own Data Protection settings neither
/// change it nor are changed by it. The application name is fixed to <see cref="ApplicationName"/>, so moving the
/// host's installation does not make the secrets unreadable.
/// </para>
/// <para>
/// On Linux and macOS Data Protection keeps the keys unencrypted in that folder: whoever can read the folder can read
/// every secret. Protect the keys too through the builder (<c>ProtectKeysWithCertificate</c>, a vault's key-wrapping
/// package, <c>ProtectKeysWithDpapi</c> on Windows), and back the folder up apart from the database.
/// </para>
/// </remarks>
public sealed class DataProtectionSecretProtector : ISecretProtector, IDisposable
{
    /// <summary>What the SQL stores record beside each value this protector wrote.</summary>
    public const string SchemeName = "data-protection";

    /// <summary>The root purpose of every value; a different purpose cannot unprotect them.</summary>
    public const string Purpose = "Connect.Sdk.Settings.ISecretStore";

    /// <summary>The Data Protection application name of the key ring <see cref="Create"/> builds.</summary>
    public const string ApplicationName = "Connect.Sdk";

    private readonly IDataProtector _protector;
    private readonly string _keyRing;
    private readonly IDisposable? _ownedServices;

    /// <summary>Protects secrets with a Data Protection system the host already has (its shared key ring, a test's ephemeral one).</summary>
    /// <param name="provider">The Data Protection provider.</param>
    /// <param name="keyRing">Where the keys are and how they are configured, for error messages, e.g. <c>the key folder /var/lib/erp/keys</c>.</param>
    public DataProtectionSecretProtector(IDataProtectionProvider provider, string keyRing)
        : this(provider, keyRing, null)
    {
    }

    private DataProtectionSecretProtector(IDataProtectionProvider provider, string keyRing, IDisposable? ownedServices)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyRing);
        _protector = provider.CreateProtector(Purpose);
        _keyRing = keyRing;
        _ownedServices = ownedServices;
    }

    /// <summary>
    /// The key folder when the host names none: <c>Connect.Sdk/secret-keys</c> in the user's local application data
    /// (on Linux <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c>, on Windows <c>%LOCALAPPDATA%</c>), apart from the
    /// database so that a copy of the database's folder does not carry the keys along; <see langword="null"/> when the
    /// process's user has no such folder (a service account without a home).
    /// </summary>
    public static string? DefaultKeysFolder =>
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } data
            ? Path.Combine(data, "Connect.Sdk", "secret-keys")
            : null;

    /// <inheritdoc />
    public string Scheme => SchemeName;

    /// <summary>
    /// The protector a SQL store registers when the host chose none: a key ring in <see cref="DefaultKeysFolder"/>, as
    /// by <see cref="Create"/>. Fails naming the way out when the process's user has no such folder.
    /// </summary>
    /// <param name="loggerFactory">Where Data Protection logs; none when <see langword="null"/>.</param>
    /// <returns>The protector.</returns>
    /// <exception cref="ConnectSdkException">The process's user has no local application data folder.</exception>
    public static DataProtectionSecretProtector CreateInDefaultKeysFolder(ILoggerFactory? loggerFactory = null) => Create(
        DefaultKeysFolder ?? throw new ConnectSdkException(
            "Stored secrets are protected with keys in the user's local application data folder, but this process's user has none (no HOME?). Name the key folder with ProtectSecretsWithDataProtection(folder)."),
        null,
        loggerFactory);

    /// <summary>
    /// Builds a protector with its own key ring in <paramref name="keysFolder"/>, which is created owner-only (0700 on
    /// Unix; an existing folder is narrowed to that). Several processes of the host share the key ring through the folder.
    /// </summary>
    /// <param name="keysFolder">The key folder, e.g. <c>/var/lib/erp/connect-keys</c>.</param>
    /// <param name="configure">
    /// Further Data Protection settings, e.g. <c>dp =&gt; dp.ProtectKeysWithCertificate(certificate)</c> to encrypt the
    /// keys at rest; the folder and the application name are set before it runs.
    /// </param>
    /// <param name="loggerFactory">Where Data Protection logs (key creation, key ring warnings); none when <see langword="null"/>.</param>
    /// <returns>The protector; disposing it releases its Data Protection system.</returns>
    public static DataProtectionSecretProtector Create(string keysFolder, Action<IDataProtectionBuilder>? configure = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keysFolder);
        var folder = OwnerOnlyFolder.Ensure(keysFolder);
        var services = new ServiceCollection();
        if (loggerFactory is not null)
        {
            services.AddSingleton(loggerFactory);
            services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        }

        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(folder);
        configure?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        return new DataProtectionSecretProtector(provider.GetRequiredService<IDataProtectionProvider>(), $"the key folder {folder.FullName}", provider);
    }

    /// <inheritdoc />
    public ValueTask<string> ProtectAsync(ConnectionId connection, string key, SecretValue secret, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(secret);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ForRow(connection, key).Protect(secret.Reveal()));
    }

    /// <inheritdoc />
    public ValueTask<SecretValue> UnprotectAsync(ConnectionId connection, string key, string protectedValue, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(protectedValue);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return ValueTask.FromResult(new SecretValue(ForRow(connection, key).Unprotect(protectedValue)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            // Data Protection's own message names a key id or "the payload was invalid", never the data; it is still
            // left out, so that no text of a third party ends up beside a secret's row.
            throw new SecretProtectionException(
                connection,
                key,
                $"The secret '{key}' of connection '{connection}' cannot be read with {_keyRing}: it was changed, copied from another row, or protected with a key that is not in this key ring ({e.GetType().Name}). Restore the key folder the secret was protected with (from its own backup), or enter the secret again.");
        }
    }

    /// <summary>Releases the Data Protection system <see cref="Create"/> built; a protector over the host's provider owns nothing.</summary>
    public void Dispose() => _ownedServices?.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"Data Protection secret protector ({_keyRing})";

    private IDataProtector ForRow(ConnectionId connection, string key) => _protector.CreateProtector(connection.Value, key);
}
